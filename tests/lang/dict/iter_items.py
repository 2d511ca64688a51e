d = {'x': 1, 'y': 2}
print(list(d), list(iter(d)), sorted(d))
print([k for k in d], [v for v in d.values()], dict(d.items()))
it = iter(d.items())
print(next(it), next(it))
print(list(reversed(d)))
print(len(d.keys()), sum(d.values()))
