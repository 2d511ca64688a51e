# Decorators: counting calls, memoisation, arguments passed through, stacked decorators, class decorators.
calls = {}


def counted(f):
    def wrapper(*args, **kwargs):
        calls[f.__name__] = calls.get(f.__name__, 0) + 1
        return f(*args, **kwargs)
    return wrapper


def memo(f):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    return wrapper


def tag(name):
    def deco(f):
        def wrapper(*a, **k):
            return "<%s>%s</%s>" % (name, f(*a, **k), name)
        return wrapper
    return deco


@counted
def add(a, b=10, *rest, scale=1, **extra):
    return (a + b + sum(rest)) * scale + len(extra)


@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@tag("b")
@tag("i")
def greet(who):
    return "hi " + who


def register(cls):
    registry.append(cls.__name__)
    return cls


registry = []


@register
class A:
    pass


@register
class B(A):
    pass


print(add(1), add(1, 2), add(1, 2, 3, 4), add(1, scale=3), add(1, 2, x=1, y=2), calls)
print(fib(80), greet("bob"), registry)
