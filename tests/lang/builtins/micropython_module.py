import micropython
from micropython import const
X = const(5)
print(X, micropython.const(7) + 1)
print(micropython.opt_level())
micropython.opt_level(2)
print(micropython.opt_level())
micropython.alloc_emergency_exception_buf(100)
micropython.kbd_intr(3)
micropython.heap_lock()
try:
    l = [1, 2, 3] * 100
except MemoryError:
    print("MemoryError")
micropython.heap_unlock()
print(len([1] * 100))
