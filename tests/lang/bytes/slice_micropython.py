# Slices of bytes with a step other than 1 are refused (MicroPython's limit); step 1 or None works.
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
b = b'abcdefghij'
t(lambda: b[::2])
t(lambda: b[::-1])
t(lambda: b[8:2:-2])
t(lambda: b[5:5:3])
t(lambda: b''[::-1])
t(lambda: b[1:3:1])
t(lambda: b[1:3:None])
