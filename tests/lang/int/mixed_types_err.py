for a, b in ((1, 'a'), ('a', 1), (2**70, 'x'), (1, None), (2**70, [1])):
    try:
        a + b
    except TypeError:
        print('TypeError')
try:
    1 < 'a'
except TypeError:
    print('TypeError')
try:
    2**70 < None
except TypeError:
    print('TypeError')
print(3 * [0], [1] * 2, 'ab' * 3, 2 * 'x', (1,) * 2)
