vals = [None, False, True, 0, 1, -1, "", "a", b"", b"x", [], [0], (), (0,), {}, {1: 2}, set(), {0}, range(0), range(1), 10**30, -(10**30), 0 * 10**30]
print([bool(v) for v in vals])
print([not v for v in vals])
for v in vals:
    if v:
        print("T", end=" ")
    else:
        print("F", end=" ")
print()
