# helper of builtin_extensible.py: micropython is never replaced by a file
print("ERROR: micropython from a file")
