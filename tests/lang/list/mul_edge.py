print([1, 2] * 1, [] * 100, [None] * 3, [[]] * 0)
a = [1]
a *= 3
print(a)
a *= -2
print(a)
b = [1, 2]
b += b
print(b)
print([1] * False)
