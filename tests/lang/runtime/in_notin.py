print(1 in [1, 2], 3 in [1, 2], 3 not in [1, 2])
print(2 in (1, 2), "b" in "abc", "bc" in "abc", "x" not in "abc")
print(1 in {1: 2}, 2 in {1: 2}, 3 in {3, 4}, 5 in range(10), 10 in range(10))
def g():
    yield 1
    yield 2
print(2 in g(), 3 in g())
print(b"a" in b"abc", 97 in b"abc")
