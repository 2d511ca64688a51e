# Where MicroPython keeps Python 3.4's rules (its tests/basics python34.py, fun_callstar_kwarg.py,
# parser.py check them): a dict display evaluates each value before its key, f(a=1, *b) and
# () = x, del (), del [] are SyntaxErrors, single-mode compile of nothing is a SyntaxError.
def f(x):
    print("eval", x)
    return x


d = {f("k1"): f("v1"), f("k2"): f("v2")}
print(d)
d = {f("k%d" % i): f("v%d" % i) for i in range(2)}
print(d)


def g(*a, **k):
    return a, sorted(k.items())


def check(src):
    try:
        exec(src, {"g": g, "a": [1], "b": [2]})
        print("ok", src)
    except SyntaxError as e:
        print("SyntaxError", e, "|", src)


check("print(g(y=1, *(3,)))")
check("print(g(*a, y=1, *b))")
check("print(g(*a, *b, y=2))")
check("print(g(**{'y': 1}, *b))")
check("() = []")
check("((), x) = [[], 1]")
check("for () in []: pass")
check("del ()")
check("del []")
check("[] = []")
check("(x,) = [1]; print(x)")
check("del (a, b)")


def comp(src, mode):
    try:
        compile(src, "stdin", mode)
        print("ok", repr(src), mode)
    except SyntaxError as e:
        print("SyntaxError", e, "|", repr(src), mode)


comp("", "single")
comp("\\\n", "single")
comp("\\\n", "exec")
comp("\n", "single")
comp("   ", "single")
comp("# c", "single")
comp("x = 1\\\n", "exec")
comp("x = 1 \\\n  ", "exec")
comp("", "exec")
