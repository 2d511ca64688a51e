# "\N{name}" escapes need Unicode's name table, which the board lacks: NotImplementedError (as in
# MicroPython) rather than a wrong string; raw strings and bytes keep the backslash and the N.
for src in ['"\\N{LATIN SMALL LETTER A}"', 'f"\\N{BULLET}"', '"a" "\\N{EM DASH}"']:
    try:
        print(repr(eval(src)))
    except NotImplementedError as e:
        print("NotImplementedError", e)
print(repr(eval('r"\\N{X}"')), eval('b"\\N{X}"'), repr("\\N"))
