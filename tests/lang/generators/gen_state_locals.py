def g(a, *b, k=1):
    x = a
    for i in b:
        x += i * k
        yield x
print(list(g(1, 2, 3, k=10)))
def pairs(seq):
    it = iter(seq)
    for a in it:
        yield a, next(it)
print(list(pairs([1, 2, 3, 4])))
