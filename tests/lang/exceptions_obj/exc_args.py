for e in (ValueError(), ValueError("msg"), ValueError(1, 2), ValueError("a", "b", 3)):
    print(e.args, str(e), len(e.args))
e = Exception(42)
print(e.args[0], str(e))
