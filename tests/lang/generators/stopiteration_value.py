# A StopIteration(value) ending a user iterator keeps its value through next(), enumerate, map,
# zip and yield from; a StopIteration out of a builtin iterator ends a yield from with its value.
class A:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration(42)

def value_of(f):
    try:
        f()
    except StopIteration as e:
        return e.args
    return 'no StopIteration'

print(value_of(lambda: next(A())))
print(value_of(lambda: next(enumerate(A()))))
print(value_of(lambda: next(map(lambda x: x, A()))))
print(value_of(lambda: next(zip(A()))))
print(value_of(lambda: next(iter([]))))
print(list(A()), [x for x in A()])
# the value of one iteration does not leak into the next one
for x in A():
    pass
print(value_of(lambda: next(iter(()))))

def returns(x):
    if x < 3:
        return x
    raise StopIteration(444)

def outer(it):
    r = yield from it
    print('result', r)

print(list(outer(map(returns, range(10)))))
print(list(outer(A())))
print(list(outer(iter([1, 2]))))
