# helper of builtin_extensible.py: sys is never replaced by a file
print("ERROR: sys from a file")
