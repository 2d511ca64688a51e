# Deep recursion whose every level holds heap objects (generators, nested iterators consumed,
# printing nested data) ends in RuntimeError on the default heap, never in MemoryError.
import io


def gen():
    yield from gen()


def gen2():
    for x in gen2():
        yield x


for g in (gen, gen2):
    try:
        next(g())
    except RuntimeError as e:
        print("RuntimeError", e)
for name, fn in (("enumerate", enumerate), ("zip", zip), ("map", lambda x: map(abs, x)),
                 ("filter", lambda x: filter(None, x))):
    x = (1, 2)
    n = 0
    while n < 100000:
        for _ in range(50):
            x = fn(x)
        n += 50
        try:
            tuple(x)
        except RuntimeError:
            print("RuntimeError", name)
            break
    x = None
l = [1]
l.append(l)
try:
    print(l, file=io.StringIO())
except RuntimeError:
    print("RuntimeError print")
l = None


def f(n):
    return 0 if n == 0 else 1 + f(n - 1)


print(f(500))  # plain calls still go deep
# zip asks its iterators again after one ran out, as CPython does
a = iter([1, 2, 3])
z = zip(a, [])
print(list(z), list(z), list(a))
