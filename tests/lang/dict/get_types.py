d = {1: 'a', (1, 2): 'b', 'k': 'c', None: 'd', frozenset([1]): 'e', range(3): 'f'}
print(d.get(1), d.get((1, 2)), d.get('k'), d.get(None), d.get(frozenset([1])), d.get(range(0, 3)))
print(d.get(True), d.get(2), d.get('K', '?'))
