def walk(n):
    if n > 0:
        yield n
        yield from walk(n - 1)
print(sum(walk(50)))
def deep(n):
    yield from deep(n + 1)
try:
    next(deep(0))
except (RuntimeError, MemoryError):
    print("error")
