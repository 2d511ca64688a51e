# exec/eval take any buffer as source; globals=None with a locals dict sees the caller's globals;
# a locals argument that is not a mapping is a TypeError (it once crashed); int() takes buffers.
import array
g = 10
exec(memoryview(b'print("from memoryview", g)'))
exec(bytearray(b'print("from bytearray")'))
print(eval(memoryview(b'g + 1')), eval(bytearray(b'2 * g')), eval(array.array('b', b'g + 3')))
exec('print(g)', None)
exec('print(g, h)', None, {'h': 3})
loc = {}
exec('k = g * 2', None, loc)
print(loc['k'], 'k' in globals())
print(eval('g + h', None, {'h': 5}))
for bad in (123, object(), len):
    for f in (exec, eval):
        try:
            f('1', None, bad)
            print('no error')
        except TypeError:
            print('TypeError')
try:
    exec('print(1)', 'not a dict')
except TypeError:
    print('TypeError globals')
print(int(memoryview(b'123')), int(bytearray(b'-7')), int(array.array('b', b'42')))
