print({1}, {'a'}, frozenset({2}), set(), frozenset())
print(repr({(1, 2)}))
