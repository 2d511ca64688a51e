d = {"a": 1, "b": 2}
print("a" in d, "c" in d, 1 in d.values(), ("a", 1) in d.items(), "a" in d.keys())
