for src in ["x = 1.5", "x = 1e3", "x = .5", "x = 5.", "x = 1j", "x = 1E-3", "x = 2.0e10", "x = 0.0", "x = 1_0.5"]:
    try:
        exec(src)
        print("ok", src)
    except SyntaxError as e:
        print(type(e).__name__, e.args[0])
print(eval("1 .to_bytes(1, 'big')"))
print(eval("0xe + 0XE"), eval("1 if 1 else 0"))
# a number run into a name is one bad literal, as in MicroPython (CPython 3.12 only warns)
for src in ["1if 1else 0", "1and 0", "0x1for", "1_0if 1 else 2", "0b1else"]:
    try:
        eval(src)
        print("ok", src)
    except SyntaxError as e:
        print(type(e).__name__, e.args[0])
