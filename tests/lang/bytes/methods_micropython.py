# bytes.rsplit with no separator and a maxsplit >= 0 is refused (MicroPython's limit); with a
# separator, or without a maxsplit (or a negative one), it works.
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: b'a b c'.rsplit(None, 1))
t(lambda: b'a b c'.rsplit(None, 0))
t(lambda: b' a b c '.rsplit(None, 5))
t(lambda: bytearray(b'a b c').rsplit(None, 1))
t(lambda: b'a b c'.rsplit(None, -1))
t(lambda: b'a b c'.rsplit(None))
t(lambda: b'a b c'.rsplit(b' ', 1))
t(lambda: b'a b c'.split(None, 1))
