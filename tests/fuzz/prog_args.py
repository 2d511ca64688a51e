# tests/fuzz/prog_args.py: a program generator run inside wipy (`make fuzz-progs`): calls builtins,
# module functions and methods with odd arguments (wrong types, huge ints, objects whose dunders lie)
# and mixes them through operators. Invariant: whatever it calls, only Python exceptions come back;
# a crash or a sanitizer report is a bug. Deterministic per SEED. Usage: wipy prog_args.py SEED COUNT
# [v: print each call | n: name the last calls | g: collect after each call] [FILE: only these steps]
import sys
import array, binascii, collections, errno, gc, hashlib, io, json, random, re, struct, time
import micropython
try:
    import asyncio
except ImportError:
    asyncio = None

argv = sys.argv
SEED = int(argv[1])
COUNT = int(argv[2])
VERBOSE = len(argv) > 3 and argv[3] == 'v'
ONLY = None
NAMES = len(argv) > 3 and argv[3] == 'n'
GCSTRESS = len(argv) > 3 and argv[3] == 'g'
if len(argv) > 4:
    ONLY = set(int(x) for x in open(argv[4]).read().split())

_s = [SEED * 2654435761 + 12345]


def rnd(n):
    _s[0] = (_s[0] * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
    return (_s[0] >> 33) % n


class Odd:
    def __len__(self):
        return -1

    def __index__(self):
        return 2 ** 70

    def __iter__(self):
        raise ValueError('it')

    def __eq__(self, o):
        return [1]

    def __hash__(self):
        return 2 ** 65

    def __int__(self):
        return 'x'

    def __getitem__(self, i):
        if i > 3:
            raise IndexError
        return i


class Odd2:
    def __len__(self):
        return 2 ** 62

    def __index__(self):
        return -1

    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration(5)

    def __bool__(self):
        return 3


class Sub(str):
    pass


class LSub(list):
    pass


class DSub(dict):
    def __getitem__(self, k):
        raise KeyError(k)


class TSub(tuple):
    pass


class BSub(bytes):
    pass


class ISub(int):
    pass


class Exc(Exception):
    pass


def gen():
    yield 1
    yield 2


NT0 = collections.namedtuple('NT0', ())
NT2 = collections.namedtuple('NT2', 'a b')

POOL = [
    None, True, False, 0, 1, -1, 2, 3, 7, 255, 256, -256, 2 ** 31, 2 ** 63, 2 ** 64, -2 ** 100,
    2 ** 30 - 1, 2 ** 62, -2 ** 62 - 1, '', 'a', 'abc', '\xff\u1234', 'a' * 300, '%s%d', '{}{0}', 'i', 'B',
    'O', 'P', 'Q', 'x', '<i', '>q', '3s', 'utf-8', b'', b'ab', b'\x00\xff', b'a' * 300, bytearray(b'xy'),
    bytearray(), [], [1, 2], [[]], (), (1,), (1, 2, 3), {}, {1: 2}, {'a': 1}, set(), {1, 2},
    frozenset(), frozenset({3}), range(3), range(-5, 100, 7), range(0), object(), int, str, bytes,
    list, dict, tuple, type, object, Exception, BaseException, StopIteration, Exc, Exception('x'),
    StopIteration(3), Exc(1, 2), lambda: 0, lambda *a, **k: a, len, print, iter([]), iter([1, 2]),
    memoryview(b'ab'), memoryview(bytearray(4)), slice(1, 2), slice(None, None, -1), slice(0, 0, 0),
    Odd(), Odd2(), Odd, Sub('s'), LSub([1]), DSub(a=1), TSub((1, 2)), BSub(b'z'), ISub(5),
    NT0(), NT2(1, 2), NT0, NT2, array.array('i', [1, 2]), array.array('B'), array.array('O', [None]),
    collections.OrderedDict(a=1), collections.deque((), 3), gen(), gen, io.BytesIO(b'ab'),
    io.StringIO('s'), Ellipsis, NotImplemented, sys, re, re.compile('a'), super,
]

SKIP = {'input', 'help', 'exit', 'quit', 'heap_lock', 'heap_unlock', 'kbd_intr', 'sleep',
        'sleep_ms', 'sleep_us', 'exit', 'print_exception', 'stdin', 'atexit', 'schedule',
        'stack_use', 'mem_info', 'qstr_info', 'opt_level', 'threshold', 'disable', 'setrecursionlimit',
        'run', 'run_until_complete', 'run_forever', 'wait_for', 'wait_for_ms', 'readinto',
        'read', 'readline', 'readlines', 'settrace', 'alloc_emergency_exception_buf',
        'getrandbits', 'repeat'}

TARGETS = []


def add_attrs(name, o):
    for a in dir(o):
        if a in SKIP or a.startswith('__') and a not in ('__init__', '__new__', '__getitem__',
                                                         '__setitem__', '__delitem__', '__contains__',
                                                         '__len__', '__iter__', '__next__', '__add__',
                                                         '__eq__', '__hash__', '__reduce__',
                                                         '__set_name__', '__call__', '__dict__',
                                                         '__class__', '__bases__', '__name__',
                                                         '__enter__', '__exit__', '__aenter__'):
            continue
        try:
            v = getattr(o, a)
        except Exception:
            continue
        if callable(v):
            TARGETS.append((name + '.' + a, v))


import builtins
add_attrs('builtins', builtins)
for m in (array, binascii, collections, errno, hashlib, io, json, random, re, struct, micropython):
    add_attrs(m.__name__, m)
if asyncio:
    for a in ('Event', 'Lock', 'ThreadSafeFlag', 'create_task', 'gather', 'current_task', 'sleep'):
        if hasattr(asyncio, a):
            TARGETS.append(('asyncio.' + a, getattr(asyncio, a)))
for a in ('ticks_add', 'ticks_diff', 'ticks_ms', 'time', 'localtime', 'mktime', 'gmtime'):
    if hasattr(time, a):
        TARGETS.append(('time.' + a, getattr(time, a)))
for i, o in enumerate(POOL):
    add_attrs('POOL[%d]' % i, o)
for i, o in enumerate(POOL):
    if callable(o):
        TARGETS.append(('POOL[%d]' % i, o))

OPS = ['+', '-', '*', '/', '//', '%', '**', '<<', '>>', '&', '|', '^', '<', '<=', '==', '!=', '>',
       'in', 'is', '@']


def pick():
    k = rnd(10)
    if k == 0:
        return TARGETS[rnd(len(TARGETS))][1]
    return POOL[rnd(len(POOL))]


n = 0
while n < COUNT:
    n += 1
    kind = rnd(8)
    try:
        if kind < 5:
            name, f = TARGETS[rnd(len(TARGETS))]
            na = rnd(4)
            args = [pick() for _ in range(na)]
            kw = {}
            if rnd(6) == 0:
                kw[('key', 'reverse', 'sep', 'end', 'default', 'start', 'x', 'base')[rnd(8)]] = pick()
            if ONLY is not None and n not in ONLY:
                continue
            if VERBOSE:
                print(n, name, repr(args)[:300], kw, flush=True)
            if NAMES and n >= COUNT - 3:
                print(n, name, [type(x) for x in args], kw, flush=True)
            f(*args, **kw)
        elif kind < 7:
            a = pick()
            b = pick()
            op = OPS[rnd(len(OPS))]
            if ONLY is not None and n not in ONLY:
                continue
            if VERBOSE:
                print(n, 'op', op, type(a), type(b))
            if op == 'in':
                a in b
            elif op == 'is':
                a[b]
            elif op == '@':
                a[b] = a
            else:
                eval('a ' + op + ' b', {'a': a, 'b': b})
        else:
            a = pick()
            if VERBOSE:
                print(n, 'misc', type(a))
            k = rnd(8)
            if ONLY is not None and n not in ONLY:
                continue
            if k == 0:
                hash(a)
            elif k == 1:
                list(a)
            elif k == 2:
                str(a); repr(a)
            elif k == 3:
                sorted(a)
            elif k == 4:
                '%s %r' % (a, a)
            elif k == 5:
                '{} {!r}'.format(a, a)
            elif k == 6:
                del a[0]
            else:
                tuple(zip(a, a))
    except BaseException:
        pass
    if GCSTRESS:
        print(n, flush=True)
        gc.collect()
        for _t in TARGETS:
            _a, _b = _t
        for _p in POOL:
            type(_p).__name__
    if n % 2000 == 0:
        # pool entries may have been mutated; that is fine, but keep the pool size
        pass
print('done', n)
