x = 1
if x:
    print("crlf", x)
s = """a
b"""
print(repr(s))
y = (1 +
     2)
print(y)
