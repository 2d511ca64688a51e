# Small ints and interned strings never allocate: loops over them leave the heap as it was
# (gc disabled, so any allocation would show in mem_alloc).
import gc


def ints(n):
    x = 0
    for i in range(n):
        x = (x + i * 3 - 7) % 1000003
        x ^= i << 2
    return x


def names(n):
    d = {"key": 0, "other": 1}
    for i in range(n):
        d["key"] = d["other"] + i
        s = "key"
        t = s
    return d["key"]


def measure(f, n):
    f(10)  # warm up: anything allocated once (iterators, the dict) is allocated here too
    gc.collect()
    gc.disable()
    before = gc.mem_alloc()
    f(n)
    grown = gc.mem_alloc() - before
    gc.enable()
    return grown


small = measure(ints, 100)
big = measure(ints, 20000)
print("ints: no growth with the loop count:", big - small < 64)
small = measure(names, 100)
big = measure(names, 20000)
print("names: no growth with the loop count:", big - small < 64)
