# With the heap locked (micropython.heap_lock) a for loop over a built-in container, range(...),
# constant tuples and all/any/min/max/sum allocate nothing; a bigger range or a user iterator
# still needs the heap: MemoryError, and the loop's slots are left cleanly.
import array
import micropython

t = (1, 2, 3)
l = [4, 5]
d = {"k": 1}
s = {7}
fs = frozenset((8,))
b = b"\x09\x0a"
ba = bytearray(b"\x0b")
ar = array.array("h", (-1, 300))
mv = memoryview(b"\x0c")
st = "xy"
out = [0] * 40
seqs = (t, l, d, s, fs, b, ba, ar, mv, st, d.keys(), d.values())


def run():
    n = 0
    for seq in seqs:
        for x in seq:
            out[n] = x
            n += 1
    for i in range(3):
        out[n] = i
        n += 1
    for i in range(10, 4, -3):
        out[n] = i
        n += 1
    for x in 1, "two", (None, ...):
        out[n] = x
        n += 1
    out[n] = all(t)
    out[n + 1] = any(l)
    out[n + 2] = min(t)
    out[n + 3] = max(l)
    out[n + 4] = sum(t)
    n += 5
    for i in range(2):
        for j in range(3):
            if j == 1:
                break
        else:
            out[n] = "no"
    return n


micropython.heap_lock()
n = run()
micropython.heap_unlock()
print(out[:n])


def user_iter():
    yield 1


micropython.heap_lock()
try:
    for x in user_iter():
        pass
except MemoryError as e:
    m = e
micropython.heap_unlock()
print(repr(m))

micropython.heap_lock()
try:
    for x in range(2**100):
        pass
except Exception as e:
    m = e
micropython.heap_unlock()
print(type(m).__name__)


# the loop's slots unwind through return, break, continue and exceptions
def f():
    for i in range(5):
        for c in "abc":
            if c == "b":
                continue
            if i == 2:
                return i, c
    return None


print(f())


def g():
    try:
        for x in [1, 2]:
            raise ValueError(x)
    except ValueError as e:
        return e.args


print(g())
