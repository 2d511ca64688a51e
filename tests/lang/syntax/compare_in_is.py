a = [1, 2, 3]
print(1 in a, 4 in a, 4 not in a, 1 not in a)
print(None is None, None is not None, a is a, a is not a)
print(not 1 in a, not (1 in a))
x = None
print(x is None and 1 in a)
print("b" in "abc", "bc" not in "abc")
print(1 in a in [a], 1 in a in [[]])
