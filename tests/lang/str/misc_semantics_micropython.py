# The slices of misc_semantics.py that MicroPython refuses: a step other than 1 on str, bytes and
# bytearray, even when it picks one item or none.
for c in ("'abc'[::100]", "'abc'[2::-1]", "'abc'[:-100:-1]", "b'abc'[::-1]", "bytearray(b'abc')[::-1]",
          "b'abc'[::2]", "bytearray(b'abc')[5:9:2]"):
    try:
        print(c, repr(eval(c)))
    except Exception as e:
        print(c, type(e).__name__, e)
