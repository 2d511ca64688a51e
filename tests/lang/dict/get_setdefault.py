d = {'a': 1}
print(d.get('a'), d.get('b'), d.get('b', 5))
print(d.setdefault('a', 9), d.setdefault('b', 7), d.setdefault('c'))
print(d)
