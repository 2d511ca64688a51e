# MicroPython's limits, kept: a name is at most 255 bytes (an identifier, an attribute, a keyword,
# a type's name, a %-format key, a module name; RuntimeError "name too long"), and a *arg must be
# among a call's first 30 arguments (SyntaxError "too many args", its position being a bit of a
# small int on the board).
def make_id(n):
    return "".join(chr(ord("a") + i % 26) for i in range(n))


for n in (255, 256):
    name = make_id(n)
    g = {}
    for what, f in (
        ("exec", lambda: exec(name + " = 1", g)),
        ("setattr", lambda: setattr(type("A", (), {})(), name, 1)),
        ("hasattr", lambda: hasattr(1, name)),
        ("type", lambda: type(name, (), {})),
        ("format", lambda: ("%(" + name + ")s") % {name: 1}),
        ("import", lambda: __import__(name)),
    ):
        try:
            f()
            print(n, what, "ok")
        except RuntimeError as e:
            print(n, what, "RuntimeError", e)
        except ImportError:
            print(n, what, "ImportError")
    print(n, name in g)


def f(*a):
    return len(a)


for n in (28, 29, 30, 31):
    src = "f(" + "0, " * n + "*(1, 2), 3)"
    try:
        print(n, eval(src))
    except SyntaxError as e:
        print(n, "SyntaxError", e)
print(f(*range(100)), f(*range(40), *range(2)))
