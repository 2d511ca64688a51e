print(chr(65), chr(97), chr(48))
print(ord("A"), ord("z"), ord("0"))
print(ord(chr(0x20ac)), chr(0x20ac) == "\u20ac")
print(ord(b"a"), ord(bytearray(b"z")))
for bad in (-1, 0x110000):
    try:
        chr(bad)
    except ValueError:
        print("ValueError")
for bad in ("", "ab"):
    try:
        ord(bad)
    except TypeError:
        print("TypeError")
try:
    chr("a")
except TypeError:
    print("TypeError")
