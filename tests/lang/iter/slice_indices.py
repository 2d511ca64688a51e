for s in [slice(None), slice(2, None), slice(None, -1), slice(-100, 100), slice(None, None, -1),
          slice(10, -10, -3), slice(-1, -8, -2), slice(3, 3), slice(7, 2)]:
    print(s, s.indices(6), s.indices(0), list(range(6))[s])
