# tests/fuzz/prog_objects.py: a program generator run inside wipy (`make fuzz-progs`): the object
# model and control flow where C code calls back into Python (attribute hooks, descriptors,
# __set_name__, dunders returning wrong types or raising BaseExceptions, generators and coroutines
# re-entered from their own callbacks, exceptions while handling exceptions, super(), recursion to
# the limit in Python and in C over nested data, gc at random points). Invariant: only Python
# exceptions come back; never a crash, a sanitizer report or a hang. Each step is seeded by
# (SEED, step) alone. Usage: wipy prog_objects.py SEED COUNT [v: name each step] [FIRST: start there]
import sys, gc, io, time
try:
    import asyncio
except ImportError:
    asyncio = None

argv = sys.argv
SEED = int(argv[1])
COUNT = int(argv[2])
VERBOSE = len(argv) > 3 and argv[3] == 'v'
FIRST = int(argv[4]) if len(argv) > 4 else 1
_s = [0]
BAD = []


def rnd(n):
    _s[0] = (_s[0] * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
    return (_s[0] >> 33) % n


def pick(seq):
    return seq[rnd(len(seq))]


class Boom(BaseException):
    pass


class Loud(Exception):
    def __init__(self, *a):
        if rnd(4) == 0:
            raise ValueError('init')

    def __str__(self):
        raise KeyError('str')

    def __repr__(self):
        return 1


class NotExc:
    pass


# exception classes and instances, odd ones included (made afresh each time: pick(EXCS)())
EXCS = (
    lambda: ValueError, lambda: ValueError('v', 2 ** 70), lambda: StopIteration,
    lambda: StopIteration(val()), lambda: GeneratorExit(), lambda: KeyboardInterrupt,
    lambda: SystemExit(val()), lambda: Boom(), lambda: OSError(5, 'x'), lambda: AttributeError('a'),
    lambda: RuntimeError, lambda: TypeError(), lambda: IndexError, lambda: KeyError(val()),
    lambda: Loud, lambda: NotExc, lambda: NotExc(), lambda: StopAsyncIteration(),
    lambda: Exception(Exception(val())), lambda: ZeroDivisionError, lambda: BaseException('b'),
    lambda: MemoryError,
)


def exc():
    return pick(EXCS)()


class Thing:
    pass


def a_gen():
    yield 1
    yield 2


class IntSub(int):
    pass


class StrSub(str):
    pass


# values of every kind (mutable ones made afresh each time); None twice as likely
VALS = (
    lambda: None, lambda: None, lambda: 0, lambda: 1, lambda: -1, lambda: 2 ** 70,
    lambda: -2 ** 70, lambda: True, lambda: '', lambda: 's', lambda: b'b', lambda: [],
    lambda: (1,), lambda: {}, lambda: object(), lambda: Thing(), lambda: NotImplemented,
    lambda: Ellipsis, lambda: val, lambda: Thing, lambda: a_gen(), lambda: IntSub(3),
    lambda: StrSub('t'), lambda: ValueError,
)


def val():
    return pick(VALS)()


def maybe_gc():
    if rnd(12) == 0:
        gc.collect()


_limit_calls = [0]


def at_limit(fn):
    # Recurses until the limit, then runs fn in the frames just above it (at most 3 times).
    def r():
        try:
            return r()
        except RuntimeError:
            _limit_calls[0] += 1
            if _limit_calls[0] > 3:
                raise
            return fn()
    _limit_calls[0] = 0
    return r()


def behave(default, depth=[0]):
    # What a callback does: return its proper value, an odd one, raise, collect, or go to the limit.
    k = rnd(16)
    maybe_gc()
    if k < 6:
        return default
    if k < 10:
        return val()
    if k < 14:
        raise exc()
    if k == 14 and depth[0] == 0 and rnd(400) == 0:
        depth[0] = 1
        try:
            return at_limit(lambda: default)
        finally:
            depth[0] = 0
    return default


# ---- protocol objects: each dunder returns its value, a wrong type, or raises ----

class _Counter:
    n = 0


def _next_default(self):
    _Counter.n += 1
    if _Counter.n > 6:
        raise StopIteration
    return _Counter.n


ASYNC_SAFE = [False]  # under asyncio nothing may yield a bare value: its task would never resume


def aw(x):
    if ASYNC_SAFE[0] and not isinstance(x, _Aw):
        try:
            iter(x)  # (str has no __iter__ attribute here, so hasattr can't tell)
        except Exception:
            return x  # awaiting it is a TypeError
        return iter(())
    return x


def _await_default():
    k = rnd(4)
    if ASYNC_SAFE[0]:
        return iter(())
    if k == 0:
        return iter([])
    if k == 1:
        return a_gen()
    if k == 2:
        return iter((None, None))
    return (x for x in range(2))


class _Aw:
    def __await__(self):
        return aw(behave(_await_default()))


def _mk(name, default):
    if name == '__next__':
        def m(self, *a):
            k = rnd(8)
            if k == 0:
                raise exc()
            if k == 1:
                return val()
            return _next_default(self)
        return m
    if name == '__iter__':
        def m(self, *a):
            return behave(pick((self, iter([1, 2]), iter(()), a_gen())))
        return m
    if name == '__await__':
        def m(self, *a):
            return aw(behave(_await_default()))
        return m
    if name == '__anext__':
        def m(self, *a):
            _Counter.n += 1
            if _Counter.n > 4:
                raise StopAsyncIteration
            return aw(behave(_Aw()))
        return m
    if name in ('__aenter__', '__aexit__'):
        def m(self, *a):
            return aw(behave(_Aw()))
        return m
    if name == '__getattr__':
        def m(self, n):
            k = rnd(6)
            if k == 0:
                return getattr(self, n + '_')  # recursion to the limit
            if k == 1:
                try:
                    delattr(type(self), '__getattr__')
                except Exception:
                    pass
            if k == 2:
                self.__dict__[n] = val()
            return behave(default)
        return m
    if name == '__setattr__':
        def m(self, n, v):
            k = rnd(5)
            if k == 0:
                setattr(self, n, v)  # recursion to the limit
            elif k == 1:
                object.__setattr__(self, n, v)
            return behave(None)
        return m

    def m(self, *a):
        return behave(default)
    return m


DUNDERS = (
    ('__eq__', True), ('__ne__', False), ('__lt__', False), ('__hash__', 5), ('__bool__', True),
    ('__len__', 2), ('__index__', 1), ('__int__', 3), ('__iter__', None), ('__next__', None),
    ('__enter__', None), ('__exit__', None), ('__format__', 'f'), ('__repr__', 'r'),
    ('__str__', 's'), ('__getitem__', 0), ('__setitem__', None), ('__delitem__', None),
    ('__contains__', True), ('__call__', 1), ('__add__', 1), ('__radd__', 1), ('__iadd__', 1),
    ('__neg__', 1), ('__getattr__', 1), ('__setattr__', None), ('__delattr__', None),
    ('__await__', None), ('__aiter__', None), ('__anext__', None), ('__aenter__', None),
    ('__aexit__', None), ('__reversed__', None), ('__init__', None), ('__mul__', 1),
    ('__get__', 1), ('__set__', None), ('__delete__', None), ('__set_name__', None),
)
BASES = (object, object, object, int, str, list, dict, Exception, tuple, bytes, Thing)


def proto_class():
    ns = {}
    for name, default in DUNDERS:
        if rnd(3) == 0:
            ns[name] = _mk(name, default)
    if '__aiter__' in ns and rnd(2):
        ns['__aiter__'] = lambda self: self
    base = pick(BASES)
    try:
        return type('P', (base,), ns)
    except Exception:
        return type('P', (), ns)


def proto_obj():
    cls = proto_class()
    try:
        return cls()
    except BaseException:
        return cls.__new__(cls)


class Sink:
    def write(self, s):
        maybe_gc()
        return len(s)


def _with(o, body):
    with o:
        if body:
            raise exc()
    return 1


def _with2(o):
    with o as a, o as b:
        return a, b


def _for(o):
    n = 0
    for x in o:
        n += 1
        if n > 20:
            break
    return n


def _unpack(o):
    a, *b = o
    return a


def _star(o):
    return [*o], (*o,), {**o} if rnd(2) else print(*o, file=Sink())


def _iadd(o):
    o += 1
    return o


def _del(o):
    del o.x
    del o[0]


PROTO_OPS = (
    hash, lambda o: o == o, lambda o: o != 1, lambda o: {o: 1}, lambda o: {o}, lambda o: o in [1, o],
    lambda o: [1, 2].index(o), bool, lambda o: not o, lambda o: 1 if o else 2, len, list, tuple,
    lambda o: sorted([o, o, 1]), lambda o: [x for x in o], next, iter, lambda o: _with(o, rnd(2)),
    _with2, lambda o: format(o, ''), lambda o: format(o, 'x'), lambda o: f'{o}{o!r}{o:>3}',
    lambda o: '%s %r %d' % (o, o, o), lambda o: '{} {!r}'.format(o, o), repr, str,
    lambda o: print(o, o, file=Sink()), lambda o: [0, 1, 2][o], lambda o: 'abc'[o], range,
    bytes, bytearray, lambda o: o[0], lambda o: o.__setitem__(0, o), _del, lambda o: o(),
    lambda o: o + 1, lambda o: 1 + o, _iadd, lambda o: -o, int, lambda o: getattr(o, 'zz', 3),
    lambda o: o.zz, lambda o: setattr(o, 'zz', o), lambda o: hasattr(o, 'y'), lambda o: min(o, o),
    lambda o: max([o, o]), lambda o: sum([o]), any, all, lambda o: list(zip(o, o)),
    lambda o: list(enumerate(o)), lambda o: list(map(str, o)), lambda o: list(filter(None, o)),
    reversed, set, dict, lambda o: ' '.join(o), _for, _unpack, _star, lambda o: o * 2,
    lambda o: divmod(o, 2), lambda o: isinstance(o, type(o)), lambda o: [o] == [o],
    lambda o: (o,) < (o,), lambda o: {1: o} == {1: o}, lambda o: o.__dict__.clear(),
    lambda o: type(o).__init__(o), lambda o: super(type(o), o).__repr__(), lambda o: dir(o),
    lambda o: str(o, 'utf-8'), lambda o: 'x'.join([o, o]), lambda o: 'ab'.split(o),
    lambda o: abs(o), lambda o: round(o), lambda o: pow(o, 2, 3), lambda o: chr(o),
    lambda o: bin(o), lambda o: [].extend(o), lambda o: {}.fromkeys(o), lambda o: sorted(o),
    lambda o: callable(o), lambda o: id(o) and None, lambda o: getattr(o, '__dict__', o),
)


def drive(c, limit=30):
    # Runs a coroutine or generator by hand: send, throw with odd arguments, close, pend_throw.
    n = 0
    v = None
    while n < limit:
        n += 1
        k = rnd(12)
        try:
            if k < 6:
                v = c.send(None if rnd(3) else val())
            elif k < 8:
                throw_odd(c)
            elif k == 8:
                c.close()
            elif k == 9 and hasattr(c, 'pend_throw'):
                c.pend_throw(pick((exc(), val(), None)))
            else:
                v = next(c)
        except StopIteration:
            if rnd(3) == 0:
                return v
        except BaseException:
            if rnd(2) == 0:
                return v
    try:
        c.close()
    except BaseException:
        pass
    return v


def throw_odd(g):
    k = rnd(9)
    if k == 0:
        return g.throw(exc())
    if k == 1:
        return g.throw(ValueError, ValueError(2))
    if k == 2:
        return g.throw(ValueError, 3)
    if k == 3:
        return g.throw(ValueError, None)
    if k == 4:
        return g.throw(val())
    if k == 5:
        return g.throw(exc(), val())
    if k == 6:
        return g.throw(Loud)
    if k == 7:
        return g.throw(GeneratorExit)
    return g.throw(exc(), None, None)


def op_proto():
    o = proto_obj()
    for _ in range(1 + rnd(4)):
        try:
            pick(PROTO_OPS)(o)
        except Exception:
            pass
        maybe_gc()
    if rnd(3) == 0:
        op_async_with(o)


# ---- attribute hooks and descriptors that change the class or instance during lookup ----

def op_getattr():
    class G:
        def __getattr__(self, n):
            k = rnd(10)
            if k == 0:
                return getattr(self, n + 'x')
            if k == 1:
                raise exc()
            if k == 2:
                try:
                    del G.__getattr__
                except Exception:
                    pass
                return getattr(self, n, 2)
            if k == 3:
                self.__dict__.clear()
                self.__dict__[n] = val()
            if k == 4:
                G.__getattr__ = lambda s, n: behave(1)
            if k == 5:
                return hasattr(self, n + 'y')
            if k == 6:
                return super().__getattr__(n)
            maybe_gc()
            return val()

        def __setattr__(self, n, v):
            k = rnd(6)
            if k == 0:
                setattr(self, n, v)
            elif k == 1:
                raise exc()
            elif k == 2:
                super().__setattr__(n, v)
            elif k == 3:
                self.__dict__[n] = v
            else:
                object.__setattr__(self, n, v)

        def __delattr__(self, n):
            k = rnd(4)
            if k == 0:
                delattr(self, n)
            elif k == 1:
                raise exc()
            else:
                object.__delattr__(self, n)

        def meth(self):
            return self.missing

    g = G.__new__(G) if rnd(2) else G()
    for _ in range(1 + rnd(5)):
        k = rnd(12)
        try:
            if k == 0:
                g.foo
            elif k == 1:
                getattr(g, 'bar', None)
            elif k == 2:
                hasattr(g, 'baz')
            elif k == 3:
                g.meth()
            elif k == 4:
                g.x = val()
            elif k == 5:
                del g.x
            elif k == 6:
                setattr(g, pick(('a', 'meth', '__class__', '__dict__')), val())
            elif k == 7:
                iter(g)
            elif k == 8:
                g.foo.bar.baz
            elif k == 9:
                [g.a for _ in range(3)]
            elif k == 10:
                str(g) + repr(g)
            else:
                g.meth.__name__
        except BaseException:
            pass


class Desc:
    def __init__(self, name):
        self.name = name

    def __get__(self, inst, owner):
        return self._hazard(inst, owner, 1)

    def __set__(self, inst, v):
        self._hazard(inst, type(inst), None)

    def __delete__(self, inst):
        self._hazard(inst, type(inst), None)

    def _hazard(self, inst, owner, default):
        k = rnd(12)
        if k == 0:
            setattr(owner, self.name, val())
        elif k == 1:
            try:
                delattr(owner, self.name)
            except Exception:
                pass
        elif k == 2 and inst is not None:
            inst.__dict__.clear()
        elif k == 3 and inst is not None:
            inst.__dict__[self.name] = val()
        elif k == 4 and rnd(100) == 0:  # to the limit: slow, so rare
            return getattr(inst if inst is not None else owner, self.name)
        elif k == 5:
            for i in range(20):
                setattr(owner, 'n%d' % i, i)
        elif k == 6:
            owner.__dict__  # reading it while it is looked up
        return behave(default)


class DescGetOnly:
    def __get__(self, inst, owner):
        return behave(pick((self, inst, owner, 1)))


def _prop_get(self):
    k = rnd(5)
    if k == 0:
        try:
            del type(self).p
        except Exception:
            pass
    elif k == 1:
        type(self).p = property(lambda s: behave(2))
    elif k == 2 and rnd(100) == 0:
        return self.p
    return behave(1)


def _prop_set(self, v):
    if rnd(3) == 0:
        self.__dict__['p'] = v
    behave(None)


def op_desc():
    ns = {
        'd': Desc('d'), 'g': DescGetOnly(), 'p': property(_prop_get, _prop_set if rnd(2) else None),
        'cm': classmethod(pick((lambda c: behave(1), val(), len, Desc('cm')))),
        'sm': staticmethod(pick((lambda: behave(1), val(), len, Desc('sm')))),
        'pv': property(pick((val(), len, len, len, len, len, lambda s: s.pv))),
        'f': pick((len, print, val(), Desc('f'))),
    }
    base = pick((object, object, Thing, int, list, Exception))
    try:
        H = type('H', (base,), ns)
    except Exception:
        H = type('H', (), ns)
    try:
        h = H()
    except BaseException:
        h = H.__new__(H)
    for _ in range(1 + rnd(6)):
        a = pick(('d', 'g', 'p', 'cm', 'sm', 'pv', 'f', 'zz'))
        k = rnd(10)
        try:
            if k == 0:
                getattr(h, a)
            elif k == 1:
                getattr(H, a)
            elif k == 2:
                setattr(h, a, val())
            elif k == 3:
                delattr(h, a)
            elif k == 4:
                getattr(h, a)()
            elif k == 5:
                getattr(H, a)(h)
            elif k == 6:
                setattr(H, a, pick((Desc(a), DescGetOnly(), val())))
            elif k == 7:
                hasattr(h, a)
            elif k == 8:
                getattr(super(H, h), a)
            else:
                delattr(H, a)
        except BaseException:
            pass
        maybe_gc()


# ---- class creation: __set_name__, __init_subclass__, __build_class__, type() ----

class SetName:
    def __set_name__(self, owner, name):
        k = rnd(10)
        if k == 0:
            raise exc()
        if k == 1:
            for i in range(8):
                setattr(owner, 'sn%d' % i, SetName())  # grows the dict being walked
        elif k == 2:
            for n in list(owner.__dict__):
                try:
                    delattr(owner, n)
                except Exception:
                    pass
        elif k == 3:
            type('Inner', (owner,), {'x': SetName()})
        elif k == 4:
            owner()
        elif k == 5 and rnd(200) == 0:
            at_limit(lambda: type('L', (), {'s': SetName()}))
        maybe_gc()
        return val()


def _isc(cls, *a):
    k = rnd(5)
    if k == 0:
        raise exc()
    if k == 1:
        cls.extra = SetName()
    behave(None)


def op_class():
    ns = {}
    for i in range(rnd(6)):
        ns['a%d' % i] = pick((SetName(), SetName(), Desc('a%d' % i), val()))
    if rnd(3) == 0:
        ns['__init_subclass__'] = classmethod(_isc)
    if rnd(4) == 0:
        ns['__set_name__'] = SetName.__set_name__
    bases = pick(((), (object,), (Thing,), (int,), (Exception,), (bool,), (Thing, Thing),
                  (val(),), (a_gen,), (Boom,), (Thing, object)))
    name = pick(('C', '', 1, None, StrSub('s')))
    try:
        C = type(name, bases, pick((ns, ns, ns, 1, None, [])))
        try:
            D = type('D', (C,), {'b': SetName()})
            D()
        except BaseException:
            pass
        C()
    except BaseException:
        pass
    if rnd(6) == 0:
        import builtins
        old = builtins.__build_class__
        try:
            builtins.__build_class__ = pick((lambda *a, **k: behave(Thing), val(), old))

            class E:
                x = SetName()
        except BaseException:
            pass
        finally:
            builtins.__build_class__ = old


# ---- generators re-entered from their own callbacks ----

def op_gen():
    box = [None]

    def reenter():
        g = box[0]
        k = rnd(6)
        if k == 0:
            return next(g)
        if k == 1:
            return g.send(val())
        if k == 2:
            return throw_odd(g)
        if k == 3:
            return g.close()
        if k == 4:
            return g.pend_throw(pick((exc(), val())))
        return list(g)

    class Cb:
        def __next__(self):
            reenter()
            return 1

        def __iter__(self):
            return self

        def __eq__(self, o):
            reenter()
            return True

        def __hash__(self):
            reenter()
            return 1

        def send(self, v):
            return reenter()

        def throw(self, *a):
            return reenter()

        def close(self):
            reenter()

    def g():
        try:
            for i in range(rnd(5)):
                x = yield i
                if rnd(3) == 0:
                    reenter()
                if rnd(4) == 0:
                    {Cb(): 1}.get(Cb())
                if rnd(5) == 0:
                    y = yield from pick((Cb(), iter([1, 2]), range(3), a_gen(), inner()))
        except GeneratorExit:
            if rnd(2):
                yield 'bad'  # yield while closing: RuntimeError
            raise
        except BaseException as e:
            if rnd(2):
                raise
            if rnd(2):
                raise exc() from pick((e, None, val(), exc()))
        finally:
            k = rnd(6)
            if k == 0:
                reenter()
            elif k == 1:
                raise exc()
            elif k == 2:
                yield 'fin'
            elif k == 3:
                return val()
        return val()

    def inner():
        try:
            yield 1
            yield reenter()
        finally:
            if rnd(2):
                reenter()

    box[0] = g() if rnd(4) else inner()
    if rnd(4) == 0:
        outer = (lambda: (yield from box[0]))()
        drive(outer)
    else:
        drive(box[0])
    if rnd(3) == 0:
        box[0] = None
        gc.collect()


# ---- coroutines and asyncio with odd awaitables ----

def op_async():
    box = [None]

    class AI:
        def __aiter__(self):
            return behave(self)

        def __anext__(self):
            _Counter.n += 1
            if _Counter.n > 5:
                raise StopAsyncIteration
            return aw(behave(_Aw()))

    class AC:
        def __aenter__(self):
            return aw(behave(_Aw()))

        def __aexit__(self, *a):
            if rnd(3) == 0 and not ASYNC_SAFE[0]:
                box[0].send(None)
            return aw(behave(_Aw()))

    async def sub():
        await aw(pick((_Aw(), _Aw(), val(), a_gen(), AC())))
        return val()

    async def co():
        for _ in range(1 + rnd(4)):
            k = rnd(10)
            if k == 0:
                await _Aw()
            elif k == 1:
                await aw(val())
            elif k == 2:
                async for x in AI():
                    if rnd(3) == 0:
                        break
            elif k == 3:
                async with AC() as a:
                    if rnd(2):
                        raise exc()
            elif k == 4:
                await sub()
            elif k == 5:
                box[0].send(None)
            elif k == 6 and asyncio is not None:
                await asyncio.sleep(0)
            elif k == 7:
                raise exc()
            elif k == 8:
                try:
                    await sub()
                finally:
                    await sub()
            elif not ASYNC_SAFE[0]:
                await proto_obj()
        return val()

    _Counter.n = 0
    c = co()
    box[0] = c
    if asyncio is None or rnd(2):
        drive(c)
        return
    ASYNC_SAFE[0] = True  # and no coroutine is resumed by hand behind the scheduler's back
    box[0] = None
    asyncio.new_event_loop()
    async def main():
        k = rnd(6)
        if k == 0:
            return await c
        if k == 1:
            t = asyncio.create_task(c)
            await asyncio.sleep(0)
            if rnd(2):
                t.cancel()
            return await asyncio.wait_for_ms(t, 10000)
        if k == 2:
            return await asyncio.gather(c, sub(), return_exceptions=rnd(2) == 0)
        if k == 3:
            return await asyncio.wait_for_ms(c, 10000)
        if k == 4:
            t = asyncio.current_task()
            if rnd(2):
                t.cancel()
            return await c
        return await asyncio.gather(*[sub() for _ in range(rnd(4))])
    try:
        asyncio.run(main())
    finally:
        ASYNC_SAFE[0] = False
        c.close()
        try:
            asyncio.new_event_loop()
        except Exception:
            pass


def op_async_with(o):
    async def co():
        k = rnd(3)
        if k == 0:
            async with o:
                pass
        elif k == 1:
            async for x in o:
                pass
        else:
            await o
    _Counter.n = 0
    drive(co(), 12)


# ---- exceptions while handling exceptions ----

class CM:
    def __enter__(self):
        return behave(self)

    def __exit__(self, t, v, tb):
        k = rnd(6)
        if k == 0:
            raise exc()
        if k == 1:
            raise v if v is not None else exc()
        if k == 2:
            return val()
        maybe_gc()
        return rnd(2) == 0


def filt():
    k = rnd(8)
    if k == 0:
        raise exc()
    if k == 1:
        return val()
    if k == 2:
        return (ValueError, val())
    if k == 3:
        return BaseException
    if k == 4:
        return NotExc
    return pick((Exception, StopIteration, Boom, KeyboardInterrupt))


def _exc_body(depth):
    for i in range(3):
        try:
            try:
                with CM():
                    if rnd(2):
                        raise exc()
                    if rnd(3) == 0:
                        raise
            except filt() as e:
                k = rnd(7)
                if k == 0:
                    raise exc() from pick((e, None, val(), exc(), NotExc))
                if k == 1:
                    raise
                if k == 2:
                    raise e
                if k == 3 and depth < 3:
                    _exc_body(depth + 1)
                if k == 4:
                    str(e), repr(e), e.args, e.value, e.errno
                if k == 5:
                    sys.print_exception(e, Sink())
            finally:
                k = rnd(6)
                if k == 0:
                    raise exc()
                if k == 1:
                    break
                if k == 2:
                    continue
                if k == 3:
                    return val()
        except BaseException as e2:
            if rnd(3) == 0:
                raise
            if rnd(3) == 0:
                try:
                    raise e2
                except BaseException:
                    pass
        maybe_gc()


def op_exc():
    _exc_body(0)


# ---- super() from odd places ----

class SA:
    def m(self, *a):
        return behave(1)

    @classmethod
    def cm(cls):
        return behave(2)

    def __init__(self, *a):
        pass


def op_super():
    class SB(SA):
        def m(self, *a):
            k = rnd(10)
            if k == 0:
                return super().m()
            if k == 1:  # (a def with no parameter at all can't use super(): a SyntaxError)
                def inner(x=None):
                    return super().m()
                return inner()
            if k == 2:
                return super(SB, val()).m()
            if k == 3:
                return super(int, self).m()
            if k == 4:
                return super(SB, SB).m(self)
            if k == 5:
                return super().zz
            if k == 6:
                return super().__init__(val())
            if k == 7:
                return super(type(self), self).m()  # loops in a subclass: to the limit
            if k == 8:
                return (lambda: super().cm())()
            return list(super().m() for _ in range(2))

        @classmethod
        def cm(cls):
            return super().cm() if rnd(2) else super(cls, cls).m()

        @staticmethod
        def sm(*a):  # no self: RuntimeError (a def with no parameter at all is a SyntaxError)
            return super().m()

        def g(self):
            yield super().m()

    class SC(SB):
        pass

    o = pick((SB, SC))()
    for _ in range(1 + rnd(4)):
        try:
            k = rnd(6)
            if k < 3:
                o.m()
            elif k == 3:
                o.cm()
            elif k == 4:
                o.sm()
            else:
                list(o.g())
        except BaseException:
            pass


# ---- recursion near the limit, then any of the above ----

def op_limit():
    fn = pick(OPS_SHALLOW)
    try:
        at_limit(fn)
    except BaseException:
        pass


def op_deep_repr():
    class R:
        def __repr__(self):
            return repr([self, behave(0)])

        def __eq__(self, o):
            return [self] == [o]

        def __hash__(self):
            return hash((self,))

        def __iter__(self):
            return iter(list(self))

        def __bool__(self):
            return not self

        def __len__(self):
            return len(self)

        def __index__(self):
            return [0][self]
    r = R()
    k = rnd(8)
    if k == 0:
        repr(r)
    elif k == 1:
        r == r
    elif k == 2:
        hash(r)
    elif k == 3:
        list(r)
    elif k == 4:
        bool(r)
    elif k == 5:
        len(r)
    elif k == 6:
        [0, 1][r]
    else:
        a = []
        for _ in range(rnd(3000)):
            a = [a]
        repr(a), a == a, str(a)


def op_deep_data():
    # C code recursing on nested data (hash, compare, isinstance/except over tuples of classes,
    # repr) reaches its bound with a user object's callbacks at the bottom.
    n = rnd(4000) if rnd(4) else rnd(60)
    k = rnd(5)
    leaf = proto_obj() if rnd(2) else rnd(3)
    wrap = (lambda t: (t,), lambda t: [t], lambda t: {1: t}, lambda t: (t, leaf), lambda t: [leaf, t])[k]

    def build(x):
        for _ in range(n):
            x = wrap(x)
        return x
    a = build(leaf)
    b = build(leaf) if rnd(2) else a
    j = rnd(10)
    if j == 0:
        hash(a)
    elif j == 1:
        a == b
    elif j == 2:
        a < b
    elif j == 3:
        isinstance(leaf, build(pick((int, Thing, type(leaf)))))
    elif j == 4:
        try:
            raise exc()
        except build(pick((ValueError, Boom, KeyError))):
            pass
    elif j == 5:
        repr(a)
    elif j == 6:
        {a: 1}
    elif j == 7:
        a in [b, leaf]
    elif j == 8:
        sorted([a, b])
    else:
        '{}'.format(a)


def op_abandon():
    # Finalisation without __del__: suspended generators and coroutines dropped inside try/finally
    # and with blocks, then collected.
    def g():
        with CM():
            try:
                yield 1
                yield 2
            finally:
                behave(None)
    keep = []
    for _ in range(rnd(5)):
        x = g()
        try:
            next(x)
        except BaseException:
            pass
        if rnd(2):
            keep.append(x)
    keep = None
    gc.collect()


OPS_SHALLOW = (op_proto, op_getattr, op_desc, op_class, op_gen, op_exc, op_super)
OPS = OPS_SHALLOW * 3 + (op_async, op_async, op_async, op_abandon, op_deep_data)
OPS_DEEP = (op_limit, op_deep_repr)  # ~0.5 s each in the ASan build: one step in 2000


n = FIRST - 1
while n < COUNT:
    n += 1
    _s[0] = (SEED * 1000003 + n) * 2654435761
    rnd(2)
    op = OPS_DEEP[rnd(2)] if rnd(2000) == 0 else OPS[rnd(len(OPS))]
    if VERBOSE:
        print('step', n, op.__name__)
        with open('prog_objects.step', 'w') as f:  # survives a kill, unlike buffered output
            f.write('%d %s\n' % (n, op.__name__))
        t0 = time.ticks_ms()
    _Counter.n = 0
    try:
        op()
    except RuntimeError as e:
        a = e.args
        if type(e) is RuntimeError and len(a) == 1 and type(a[0]) is str and 'recursion' in a[0] \
                and a[0] != 'maximum recursion depth exceeded':
            BAD.append((n, a[0]))
    except BaseException:
        pass
    if VERBOSE:
        print('  ms', time.ticks_diff(time.ticks_ms(), t0))
if BAD:
    print('BAD recursion errors', BAD)
    sys.exit(3)
print('done', n)
