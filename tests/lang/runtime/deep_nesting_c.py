# test-options: -X heapsize=96m
# C code that recurses on nested data (tuples of classes in isinstance, issubclass and except; equality,
# order and hashing of nested tuples, lists, dicts and OrderedDicts) raise RuntimeError at the C
# stack's bound, and left-deep trailer chains (x.a.a..., f()()...), which the compiler recurses over,
# are bounded by the parser as operator chains are (MemoryError): each of these crashed the process
# before (found by hand after tests/fuzz/prog_objects.py's recursion steps).
import collections, gc


def nest(f, x, n):
    for _ in range(n):
        x = f(x)
    return x


def check(name, fn):
    try:
        fn()
        print(name, 'no error')
    except (RuntimeError, MemoryError) as e:
        print(name, type(e).__name__, e.args)
    gc.collect()


def catch(t):
    try:
        raise ValueError
    except t:
        pass


def one(t):
    return (t,)


check('isinstance', lambda: isinstance(1, nest(one, int, 700000)))
check('issubclass', lambda: issubclass(bool, nest(one, str, 700000)))
check('except', lambda: catch(nest(one, KeyError, 700000)))
check('tuple hash', lambda: hash(nest(one, 1, 250000)))
check('tuple in set', lambda: {nest(one, 1, 250000)})
check('tuple ==', lambda: nest(one, 1, 250000) == nest(one, 1, 250000))
check('list <', lambda: nest(lambda t: [t], 1, 250000) < nest(lambda t: [t], 2, 250000))
check('dict ==', lambda: nest(lambda t: {1: t}, 1, 250000) == nest(lambda t: {1: t}, 1, 250000))
od = collections.OrderedDict
check('OrderedDict ==', lambda: nest(lambda t: od([(1, t)]), 1, 170000) == nest(lambda t: od([(1, t)]), 1, 170000))
check('compile x.a.a...', lambda: exec('x' + '.a' * 250000, {'x': 1}))
check('compile f()()...', lambda: exec('f' + '()' * 250000, {'f': None}))
check('compile store', lambda: exec('x' + '.a' * 250000 + ' = 1', {'x': 1}))
# shallow ones still work
print(isinstance(1, nest(one, int, 50)), hash(nest(one, 1, 50)) == hash(nest(one, 1, 50)))
print(nest(lambda t: [t], 1, 50) < nest(lambda t: [t], 2, 50), eval('x' + '.__class__' * 1500, {'x': 3}))
