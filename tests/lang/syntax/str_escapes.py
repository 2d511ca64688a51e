s = "a\tb\nc\\d\'e\"f"
print(repr(s), len(s))
print(len("\x41\x42"), "\x41\x42")
print("\101\102\60", len("\0"), ord("\0"))
print("\u00e9" == "é", len("\u00e9"), ord("\u20ac"))
print(ord("\U0001F600"), len("\U0001F600"))
print(repr("\a\b\f\v\r"))
print("\q\w", len("\q"))
print("line\
continued")
print('\'' + "\"")
print(ord("\777"[0]))
