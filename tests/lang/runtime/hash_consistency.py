print(hash(5) == hash(5), hash("ab") == hash("a" + "b"), hash((1, "a")) == hash((1, "a")))
print(hash(10**30) == hash(10**30), hash(frozenset([1])) == hash(frozenset([1])))
print(hash(None) == hash(None))
