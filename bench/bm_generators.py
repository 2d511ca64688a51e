# Generator pipelines: chained generators, generator expressions and yield from.
def numbers(n):
    for i in range(n):
        yield i


def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x


def squares(src):
    for x in src:
        yield x * x


def chunks(src, size):
    buf = []
    for x in src:
        buf.append(x)
        if len(buf) == size:
            yield buf
            buf = []
    if buf:
        yield buf


def flatten(chs):
    for c in chs:
        yield from c


total = 0
for _ in range(50):
    total += sum(flatten(chunks(squares(evens(numbers(60000))), 16)))
    total += sum(x for x in range(30000) if x % 3)
print(total)
