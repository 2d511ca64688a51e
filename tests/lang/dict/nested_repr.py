d = {'a': {'b': [1, (2,)]}, 2: 'x'}
print(d, str(d), repr(d))
print({'q': "it's"})
