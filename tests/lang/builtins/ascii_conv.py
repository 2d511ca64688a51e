# ascii() and the !a conversion escape non-ASCII characters; !r and !s keep them.
s = "caf\u00e9 \u65e5 \U0001F600"
print(ascii(s), ascii(1), ascii([s, "x"]))
print(f"{s!a}", f"{s!r}", f"{s!s}", f"{'x'!a:>6}")
print("{!a}".format(s) if hasattr(str, "format") else "")
