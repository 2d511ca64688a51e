class N:
    pass
for f in (lambda: N().x, lambda: N.y, lambda: N() + 1, lambda: -N(), lambda: N()[1], lambda: N()(), lambda: len(N())):
    try:
        f()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
