# An 'O' item read back from bytes the program wrote itself (struct.unpack, an 'O' array built
# from or written through a buffer) comes back only when it names an existing object: zeros, a
# word pointing inside an object, a qstr number past the last one or a stray tag are ValueError.
import array, io, struct

class Obj:
    pass

x = Obj()
word = struct.pack('<O', x)
print(struct.unpack('<O', word)[0] is x)
for o in (None, True, int, len, 'name', 12345, -7, 2 ** 100, [1], (2,), {3: 4}, Obj, struct):
    print(struct.unpack('O', struct.pack('O', o))[0] is o)
size = struct.calcsize('O')
bad = [bytes(size), b'\x04' + bytes(size - 1), b'\x08' + bytes(size - 1), b'\x06' + bytes(size - 1),
       b'\x02' + b'\xff' * (size - 2) + b'\x00', b'\xf0' * size]
inside = bytearray(word)
inside[0] = (inside[0] + 8) & 0xff  # into the object, not its start
bad.append(bytes(inside))
for b in bad:
    try:
        print(struct.unpack('O', b))
    except ValueError as e:
        print('ValueError:', e)
a = array.array('O', bytes(size) + word)
print(len(a), a[1] is x)
for get in (lambda: a[0], lambda: list(a), lambda: print(a), lambda: a == array.array('O', [x, x])):
    try:
        print(get())
    except ValueError as e:
        print('ValueError:', e)
b = array.array('O', [x, 5])
io.BytesIO(b'\x08' + bytes(size - 1)).readinto(b)
try:
    print(b[0])
except ValueError as e:
    print('ValueError:', e)
print(b[1])
