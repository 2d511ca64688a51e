# Short str constants are interned when compiled and one-byte strs are static qstrs: every such
# str must behave exactly as a heap str with the same text (equality, hashing, methods, buffers).
built = "".join(["py", "thon"])
print(built == "python", hash(built) == hash("python"), "python" == built)
d = {"python": 1, "is": 2}
print(d[built], d["".join(["i", "s"])], built in d, {built: 3}["python"])
long_const = "a constant longer than ten bytes"
print(long_const == " ".join(["a", "constant", "longer", "than", "ten", "bytes"]))
# every ASCII character: chr, ord, iteration, indexing and slicing agree
chars = [chr(i) for i in range(128)]
print(all(ord(c) == i for i, c in enumerate(chars)), len(set(chars)))
s = "".join(chars)
print(list(s) == chars, all(s[i] == chars[i] for i in range(128)), s[0:1] == "\x00")
print(repr("\x00"), repr(chr(127)), len("\x00"), "\x00" == chr(0), "\x00" < "\x01")
# str methods on short interned constants
print("abc".upper(), "a,b".split(","), "ab" * 3, "x" + "y", "%s-%s" % ("a", "b"))
print("".join(reversed("abcdefghij")), "abcdefghij"[2:-2], "é" == "\u00e9", len("é"), "é".encode())


class A:
    pass


a = A()
for w in ["alpha", "beta", "gamma", "a much longer attribute name"]:
    setattr(a, w, getattr(a, w, 0) + 1)
    setattr(a, w, getattr(a, "".join(list(w)), 0) + 1)
print(sorted(k for k in a.__dict__), a.alpha, getattr(a, "a much longer attribute name"))
