# A memoryview of an 'O' (object) array reads and writes the objects themselves, as MicroPython's
# does (it read the first byte of each item, and a write put one byte into an object reference).
import array
import gc

a = array.array('O', [None, 'x', 5, (1, 2)])
m = memoryview(a)
print(len(m), m.itemsize == len(bytes(m)) // 4, m[1], m[2], m[-1], list(m))
m[0] = [7]
m[3] = 'y' * 3
gc.collect()  # what only the array holds now survives a collection
print(a, m[0], m[3])
print(list(m[1:3]), list(m[2:]))
for x in m:
    print(type(x).__name__, end=' ')
print()
# raw bytes copied into the view are checked when read back as objects
m2 = memoryview(array.array('O', [None, None]))
m2[0:1] = bytes(m2.itemsize)
try:
    m2[0]
except ValueError as e:
    print('ValueError', e)
print(m2[1])
