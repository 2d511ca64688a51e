# str(object, encoding, errors), bytes(source, encoding, errors) and bytearray(...) take their
# arguments by position or by name, as in CPython (MicroPython raises NotImplementedError for the
# keyword forms); encoding and errors must be str, the codec must exist (utf-8 or ascii here).
print(repr(str(b"abc", encoding="utf8")), repr(str(b"abc", "utf-8", "strict")), repr(str(b"abc", errors="strict")))
print(repr(str(object=b"abc")), repr(str(object=5)), repr(str(object=b"abc", encoding="ascii")))
print(repr(str(encoding="utf8")), repr(str(errors="strict")), repr(str(**{"object": [1]})), repr(str()))
print(repr(str(bytearray(b"xy"), encoding="utf8")), repr(str(memoryview(b"xyz")[1:], encoding="ASCII")))
print(repr(str(b"a\xffb", encoding="utf8", errors="replace")), repr(str(b"a\xffb", "ascii", errors="ignore")))
print(repr(str(b"\xce\xb1", "utf8", errors="bogus")))  # the handler is looked up only when needed
print(bytes("abc", encoding="utf8"), bytes("abc", "utf-8"), bytes(source="abc", encoding="ascii"))
print(bytes("abc", "utf8", "strict"), bytes("abc", "utf8", errors="strict"), bytes(source=3), bytes(source=[1, 2]))
print(bytes("\u00e9t\u00e9", "ascii", errors="ignore"), bytes("\u00e9t\u00e9\u3041", encoding="ascii", errors="replace"))
print(bytes("\u00e9", encoding="utf8"), bytes(), bytes(source=b"ab"), bytes(source=bytearray(b"cd")))
print(bytearray("abc", encoding="utf8"), bytearray(source=b"ab"), bytearray("x", "ascii", errors="strict"))
print("\u00e9a".encode("ascii", "replace"), "abc".encode(errors="strict", encoding="ascii"),
      "\u00e9a".encode("ascii", errors="ignore"))
print(b"\xffa".decode("ascii", "ignore"), b"\xffa".decode(encoding="utf8", errors="replace") == "\ufffda")

cases = [
    'str(b"abc", encoding=5)', 'str(b"abc", 5)', 'str(b"", None)', 'str(b"a", encoding=None)',
    'str(b"a", "utf8", None)', 'str(b"abc", "utf8", errors=5)', 'str(b"abc", "utf-9")',
    'str(b"abc", encoding="utf-9")', 'str(b"abc", foo=1)', 'str(b"a", "utf8", encoding="x")',
    'str(b"a", "utf8", "strict", errors="x")', 'str(b"a", object=b"b")', 'str("abc", encoding="utf8")',
    'str("abc", "bogus")', 'str(5, encoding="utf8")', 'str([], errors="strict")',
    'str(b"a", 1, 2, 3)', 'str(b"a", "utf8", "strict", "x")', 'str(b"\\xff", encoding="utf8", errors="bogus")',
    'bytes("abc", errors="strict")', 'bytes(b"ab", encoding="utf8")', 'bytes(5, errors="strict")',
    'bytes(5, encoding="utf8")', 'bytes("abc", encoding=5)', 'bytes("abc", encoding="bogus")',
    'bytes("abc", "utf8", errors=5)', 'bytes(foo=1)', 'bytes(encoding="utf8")', 'bytes(errors="strict")',
    'bytes("a", "utf8", encoding="x")', 'bytes(source="a", x=1)', 'bytes("a", "utf8", "strict", 4)',
    'bytes("\\u00e9", "ascii", "bogus")', 'bytes(source=-1)',
    'bytearray("abc", errors="strict")', 'bytearray(3, encoding="utf8")', 'bytearray("a", encoding=3)',
    'bytearray(encoding="utf8")', 'bytearray(foo=1)', 'bytearray("a", "ascii", errors=[])',
    '"a".encode(encoding=5)', '"\\u00e9".encode("ascii", "bogus")', 'b"a".decode(errors=5)',
]
for c in cases:
    try:
        print(c, "->", repr(eval(c)))
    except (TypeError, LookupError, ValueError) as e:
        print(c, "->", type(e).__name__, e)
for c in ('str(b"\\xff", encoding="utf8")', 'str(b"\\xff", "ascii", errors="strict")', 'bytes("\\u00e9", encoding="ascii")',
          'bytearray("\\u00e9", "ascii", errors="strict")'):
    try:
        print(c, "->", repr(eval(c)))
    except UnicodeError:
        print(c, "-> UnicodeError")
