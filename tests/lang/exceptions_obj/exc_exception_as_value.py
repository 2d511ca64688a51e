errs = [ValueError("a"), KeyError("b"), TypeError()]
print([type(e).__name__ for e in errs])
print([isinstance(e, LookupError) for e in errs])
d = {ValueError: 1, KeyError: 2}
print(d[ValueError], d[type(errs[1])])
