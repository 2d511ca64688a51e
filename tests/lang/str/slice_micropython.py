# A str slice with a step other than 1 (or None) is NotImplementedError, as in MicroPython, whatever
# its bounds; list(s)[::n] makes the same picks. Step-1 slices are in slice.py.
s = 'abcdefghij'
for c in ("s[::2]", "s[1::2]", "s[::-1]", "s[::-3]", "s[8:2:-2]", "s[1:9:3]", "s[-1:-8:-2]",
          "s[5:2:2]", "s[0:0:-1]", "s[::0]", "''[::2]", "s[100::-1]"):
    try:
        print(c, repr(eval(c)))
    except Exception as e:
        print(c, type(e).__name__, e)
print("".join(list(s)[::2]), "".join(list(s)[::-1]))
