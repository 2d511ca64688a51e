# array: typecodes, append/extend, indexing, slicing, buffer protocol, tobytes, errors.
from array import array

for tc in "bBhHiIqQ":
    a = array(tc, [1, 2, 3])
    a.append(4)
    a.extend([5, 6])
    a.extend(array(tc, [7]))
    print(tc, a, len(a), a[0], a[-1], a[2:5], list(a), sum(a))
a = array("h", [-1, 2, -3])
print(a.tobytes(), bytes(a), array("h", a.tobytes()) == a)
a[1] = 100
a[-1] = -100
print(a, list(a).count(100), 5 in list(a))
print(array("B", b"\x01\x02\x03"), array("H", b"\x01\x00\x02\x00"))
print(array("i"), len(array("i")), bytearray(array("B", [65, 66])))
a = array("b", [1, 2, 3, 4, 5])
a[1:3] = array("b", [9, 9, 9])
print(a, a[1:], a[-2:10], a[4:1], array('b', list(a)[::2]), array('b', reversed(a)))
b = array("i", [1]) + array("i", [2, 3])
b += array("i", [4])
print(b)
for bad in [lambda: array("z"), lambda: array("i", [1])[5], lambda: array("i", ["x"])]:
    try:
        bad()
        print("no error")
    except (ValueError, OverflowError, IndexError, TypeError) as e:
        print(type(e).__name__)
m = memoryview(array("B", [1, 2, 3]))
print(len(m), m[1])
