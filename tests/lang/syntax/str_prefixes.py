print(r"\n", R"\t", len(r"\n"))
print(u"abc", U"def")
print(b"abc", B"abc", rb"\n", Rb"\d", bR"\x", BR"\\")
print(br"a\b", len(br"a\b"))
print(r"a\"b", len(r"a\"b"))
print(f"x", F"y", rf"\n{1}", fR"\t{2}", Rf"{3}\x", FR"{4}")
print(r'\
x')
