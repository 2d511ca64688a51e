# test-options: -X heapsize=64m
# Iterators nested hundreds of thousands deep (map(f, map(f, ...))) recurse in C when consumed:
# that ends in RuntimeError, never a crash of the interpreter (map's used to overflow the C stack).
x = (1, -2)
for _ in range(250000):
    x = map(abs, x)
try:
    tuple(x)
    print("no error")
except RuntimeError as e:
    print("RuntimeError", e)
x = None
print(tuple(map(abs, map(abs, (1, -2)))), tuple(zip(enumerate("ab"))), tuple(filter(None, (0, 1))))
