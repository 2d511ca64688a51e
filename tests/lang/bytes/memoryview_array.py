import array
a = array.array('h', [1, -2, 3])
m = memoryview(a)
print(len(m), m[1], list(m), m.itemsize, m.nbytes)
m[0] = 100
print(a[0], list(a))
b = array.array('B', [1, 2, 3, 4])
mb = memoryview(b)
print(bytes(mb[1:3]), mb[3])
c = array.array('I', [4000000000])
print(memoryview(c)[0])
