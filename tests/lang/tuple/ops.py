a = (1, 2)
print(a + (3,), a * 2, 2 * a, a * 0, () * 5, a + ())
b = a
b += (9,)
print(a, b)
b *= 2
print(b)
print(2 in a, 7 in a, 7 not in a)
try:
    (1,) + [2]
except TypeError:
    print('TypeError')
