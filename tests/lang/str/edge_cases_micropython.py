# The edge cases of edge_cases.py that MicroPython refuses: a step slice of a non-ASCII str,
# rsplit(None, n) on Unicode spaces, and a format field with an index.
s = 'aé☃\U0001f600bc'
for c in ("s[::-2]", "s[-2:-6:-1]", "s[1:5:2]", "'a\\u2003b\\u3000c'.rsplit(None, 1)",
          "'{0[a]}{0[b]}'.format({'a': 1, 'b': 2})"):
    try:
        print(c, repr(eval(c)))
    except Exception as e:
        print(c, type(e).__name__, e)
