for n in (0, 1, 7, 8, 255, -1, -255, 2**65, -(2**65)):
    print(bin(n), oct(n), hex(n))
print(hex(True), bin(False))
for bad in ("1", None, [1]):
    try:
        hex(bad)
    except TypeError:
        print("TypeError")
