# MemoryError says why, in MicroPython's words: the size that could not be had, or the heap lock
import micropython

try:
    [0] * (2**40)
except MemoryError as e:
    print(repr(e))
    print(e.args)

try:
    bytearray(2**40)
except MemoryError as e:
    msg = str(e)
    print(msg.startswith("memory allocation failed, allocating "), msg.endswith(" bytes"))
    print(int(msg.split()[-2]) >= 2**40)

micropython.heap_lock()
try:
    x = [1, 2, 3]
except MemoryError as e:
    m = e.args[0]
micropython.heap_unlock()
print(m)

# the text is static: a later failure of the other kind rewrites it
try:
    [0] * (2**41)
except MemoryError as e:
    print(e)

# uncaught, as the traceback shows it
x = [0] * (2**40)
