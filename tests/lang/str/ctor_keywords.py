# str(object, encoding, errors), bytes(source, encoding, errors) and bytearray(...) by position, as
# in CPython; encoding and errors must be str, the codec must exist (utf-8 or ascii here). Their
# keyword forms are NotImplementedError, as in MicroPython: see ctor_keywords_micropython.py.
# str.encode and bytes.decode take their arguments by position or by name.
print(repr(str(b"abc", "utf8")), repr(str(b"abc", "utf-8", "strict")), repr(str(b"abc", "ascii", "strict")))
print(repr(str(b"abc")), repr(str(5)), repr(str(b"abc", "ascii")), repr(str([1])), repr(str()))
print(repr(str(bytearray(b"xy"), "utf8")), repr(str(memoryview(b"xyz")[1:], "ASCII")))
print(repr(str(b"a\xffb", "utf8", "replace")), repr(str(b"a\xffb", "ascii", "ignore")))
print(repr(str(b"\xce\xb1", "utf8", "bogus")))  # the handler is looked up only when needed
print(bytes("abc", "utf8"), bytes("abc", "utf-8"), bytes("abc", "ascii"))
print(bytes("abc", "utf8", "strict"), bytes(3), bytes([1, 2]))
print(bytes("\u00e9t\u00e9", "ascii", "ignore"), bytes("\u00e9t\u00e9\u3041", "ascii", "replace"))
print(bytes("\u00e9", "utf8"), bytes(), bytes(b"ab"), bytes(bytearray(b"cd")))
print(bytearray("abc", "utf8"), bytearray(b"ab"), bytearray("x", "ascii", "strict"))
print("\u00e9a".encode("ascii", "replace"), "abc".encode(errors="strict", encoding="ascii"),
      "\u00e9a".encode("ascii", errors="ignore"))
print(b"\xffa".decode("ascii", "ignore"), b"\xffa".decode(encoding="utf8", errors="replace") == "\ufffda")

cases = [
    'str(b"abc", 5)', 'str(b"", None)', 'str(b"a", "utf8", None)', 'str(b"abc", "utf8", 5)',
    'str(b"abc", "utf-9")', 'str("abc", "utf8")', 'str("abc", "bogus")', 'str(5, "utf8")',
    'str([], "utf8", "strict")', 'str(b"a", 1, 2, 3)', 'str(b"a", "utf8", "strict", "x")',
    'str(b"\\xff", "utf8", "bogus")',
    'bytes(b"ab", "utf8")', 'bytes(5, "utf8")', 'bytes("abc", 5)', 'bytes("abc", "bogus")',
    'bytes("abc", "utf8", 5)', 'bytes("a", "utf8", "strict", 4)', 'bytes("\\u00e9", "ascii", "bogus")',
    'bytes(-1)',
    'bytearray(3, "utf8")', 'bytearray("a", 3)', 'bytearray("a", "ascii", [])',
    '"a".encode(encoding=5)', '"\\u00e9".encode("ascii", "bogus")', 'b"a".decode(errors=5)',
]
for c in cases:
    try:
        print(c, "->", repr(eval(c)))
    except (TypeError, LookupError, ValueError) as e:
        print(c, "->", type(e).__name__, e)
for c in ('str(b"\\xff", "utf8")', 'str(b"\\xff", "ascii", "strict")', 'bytes("\\u00e9", "ascii")',
          'bytearray("\\u00e9", "ascii", "strict")'):
    try:
        print(c, "->", repr(eval(c)))
    except UnicodeError:
        print(c, "-> UnicodeError")
