for v in ([], {}, set(), bytearray(b"x")):
    try:
        hash(v)
    except TypeError as e:
        print("TypeError", e)
print(hash(1) == hash(1), hash("a") == hash("a"), hash((1, 2)) == hash((1, 2)))
print(hash(True) == hash(1), hash(0) == hash(False))
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError", e)
