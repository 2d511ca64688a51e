# Looking for an int in a bytearray, an array or a memoryview is refused (MicroPython's limit); a
# bytes-like needle works, and an int in bytes works.
import array
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
a = bytearray(b'Hello')
t(lambda: 111 in a)
t(lambda: 0 in bytearray())
t(lambda: 1 in array.array('b', [1, 2]))
t(lambda: 2 in array.array('I', [2]))
t(lambda: 72 in memoryview(a))
t(lambda: 72 in memoryview(b'Hello'))
t(lambda: b'o' in a)
t(lambda: bytearray(b'll') in a)
t(lambda: memoryview(b'He') in a)
t(lambda: b'x' in memoryview(a))
t(lambda: 111 in b'Hello')
t(lambda: 112 in b'Hello')
