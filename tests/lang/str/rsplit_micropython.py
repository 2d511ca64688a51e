# str.rsplit on whitespace with a limit (rsplit(None, n), rsplit(maxsplit=n), n >= 0) is
# NotImplementedError, as in MicroPython; with a separator, or without a limit, it works (rsplit.py).
for c in ("'  a b  c  '.rsplit(None, 1)", "'a b c d'.rsplit(maxsplit=2)", "'a b'.rsplit(None, 0)",
          "''.rsplit(None, 1)", "'a\\u3000b'.rsplit(None, 5)", "'a b'.rsplit(None, -1)"):
    try:
        print(c, repr(eval(c)))
    except Exception as e:
        print(c, type(e).__name__, e)
