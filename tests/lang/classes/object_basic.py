o = object()
p = object()
print(o == o, o == p, o != p, type(o).__name__)
print(hash(o) == hash(o))
try:
    o.x = 1
except AttributeError:
    print("AttributeError")
