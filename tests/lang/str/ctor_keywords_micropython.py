# str(), bytes() and bytearray() take their arguments by position only, as in MicroPython: any
# keyword (object=, source=, encoding=, errors=, or an unknown one) is NotImplementedError, whatever
# the other arguments are. The positional forms are in ctor_keywords.py.
cases = [
    'str(b"abc", encoding="utf8")', 'str(b"abc", errors="strict")', 'str(object=b"abc")',
    'str(object=5)', 'str(object=b"abc", encoding="ascii")', 'str(encoding="utf8")',
    'str(errors="strict")', 'str(**{"object": [1]})', 'str(bytearray(b"xy"), encoding="utf8")',
    'str(b"a\\xffb", encoding="utf8", errors="replace")', 'str(b"a\\xffb", "ascii", errors="ignore")',
    'str(b"abc", encoding=5)', 'str(b"a", encoding=None)', 'str(b"abc", encoding="utf-9")',
    'str(b"abc", foo=1)', 'str(b"a", "utf8", encoding="x")', 'str(b"a", "utf8", "strict", errors="x")',
    'str(b"a", object=b"b")', 'str("abc", encoding="utf8")', 'str(5, encoding="utf8")',
    'str(b"\\xff", encoding="utf8")',
    'bytes("abc", encoding="utf8")', 'bytes(source="abc", encoding="ascii")',
    'bytes("abc", "utf8", errors="strict")', 'bytes(source=3)', 'bytes(source=[1, 2])',
    'bytes(source=b"ab")', 'bytes("abc", errors="strict")', 'bytes(b"ab", encoding="utf8")',
    'bytes(5, errors="strict")', 'bytes("abc", encoding="bogus")', 'bytes(foo=1)',
    'bytes(encoding="utf8")', 'bytes("a", "utf8", encoding="x")', 'bytes(source=-1)',
    'bytes("\\u00e9", encoding="ascii")',
    'bytearray("abc", encoding="utf8")', 'bytearray(source=b"ab")', 'bytearray("x", "ascii", errors="strict")',
    'bytearray(3, encoding="utf8")', 'bytearray(encoding="utf8")', 'bytearray(foo=1)',
]
for c in cases:
    try:
        print(c, "->", repr(eval(c)))
    except Exception as e:
        print(c, "->", type(e).__name__, e)
