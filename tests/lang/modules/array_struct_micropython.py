# MicroPython's array and struct extras: 'O' and 'P' typecodes, comparisons (< <= > >=, == only
# between compatible typecodes, never equal to bytes), construction from an array of another
# typecode, equality with subclasses; struct 'O' and pack with fewer or more values than the format.
import array, struct
o = array.array('O', [None, 'x'])
o.append([1])
print(o, o[1], len(o))
p = array.array('P', [1, 2])
print(p, p[1], memoryview(array.array('f')).itemsize, memoryview(array.array('d')).itemsize)
a, b = array.array('B', [1, 2]), array.array('B', [1, 3])
print(a < b, a <= b, a > b, a >= b, a == b, a != b, a < array.array('B', [1, 2, 0]))
print(array.array('b', [1]) == array.array('B', [1]), array.array('b', b'a') == b'a', b'a' == array.array('b', b'a'))
try:
    array.array('b') == array.array('h')
except NotImplementedError:
    print('NotImplementedError')
print(array.array('H', array.array('b', [1, 2])), array.array('q', array.array('I', [7])))
class A(array.array):
    pass
print(A('b', [1, 2]) == array.array('b', [1, 2]), array.array('b', [1, 2]) == A('b', [1, 2]))
try:
    array.array('f', [1])
except TypeError:
    print('TypeError: no floats')
class Obj:
    pass
x = Obj()
print(struct.unpack('<O', struct.pack('<O', x))[0] is x, struct.calcsize('O') in (4, 8))
print(struct.pack('<2I', 1), struct.pack('<hB', 1))
print(struct.pack('<h', 1, 2), struct.pack('<BB', 1, 2, 'x', None))  # extra values are ignored
print(array.array('B', [-1, 256, 300]), array.array('b', [200]), array.array('Q', [-1]), array.array('i', [2 ** 63 + 5]))  # truncated (MicroPython 1.x)
