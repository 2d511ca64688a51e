# A slice of a non-ASCII str with a step other than 1 is NotImplementedError, as in MicroPython.
s = 'héllo wörld ☃!'
for c in ("s[::-1]", "s[::2]", "s[::3]", "s[12:0:-2]"):
    try:
        print(c, repr(eval(c)))
    except Exception as e:
        print(c, type(e).__name__, e)
