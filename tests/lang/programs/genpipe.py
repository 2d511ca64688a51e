# Generator pipelines: send, yield from with return values, close, generator expressions, laziness.
def averager():
    total = count = 0
    avg = None
    while True:
        x = yield avg
        if x is None:
            return (total, count)
        total += x
        count += 1
        avg = total // count


def delegate(results):
    r = yield from averager()
    results.append(r)


res = []
g = delegate(res)
next(g)
for v in [10, 20, 33]:
    print(g.send(v))
try:
    g.send(None)
except StopIteration:
    print("done", res)


def trace(name, it, log):
    for x in it:
        log.append((name, x))
        yield x


log = []
pipeline = trace("sq", (x * x for x in trace("src", range(5), log)), log)
print(next(pipeline), log)
print(list(pipeline), len(log))


def closing():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


c = closing()
print(next(c))
c.close()
print(list(zip(range(3), (c for c in "abc"), [True, False, None])))
