print("a,b".split(","), [3, 1].index(1), (1, 2, 1).count(1), {1: 2}.get(1))
print("x".join(["a", "b"]), b"ab".hex())
