print(dict.fromkeys([1, 2, 3]))
print(dict.fromkeys('ab', 0))
print({}.fromkeys((5,), 'x'))
print(dict.fromkeys(range(3), []))
