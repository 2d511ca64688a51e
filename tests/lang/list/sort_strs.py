l = ['b', 'a', 'ab', '', 'B', 'aa', 'ba', 'a\u00e9', 'a\u00e0', 'z']
print(sorted(l))
print(sorted(l, reverse=True))
print(sorted(['x' * i for i in range(5, 0, -1)]))
print(sorted([b'b', b'a', b'ab']))
print(sorted([(1, 'b'), (1, 'a'), (0, 'z')]))
print(sorted([True, False, 2, -1, 0]))
