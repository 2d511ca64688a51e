# Context managers: __enter__/__exit__ ordering, exception suppression, nesting, generators as resources.
log = []


class Res:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        log.append("enter " + self.name)
        return self

    def __exit__(self, et, ev, tb):
        log.append("exit %s %s" % (self.name, et.__name__ if et else None))
        return self.suppress


with Res("a") as a, Res("b") as b:
    log.append("body %s %s" % (a.name, b.name))
try:
    with Res("c"):
        raise KeyError("k")
except KeyError as e:
    log.append("caught %r" % (e.args[0],))
with Res("d", suppress=True):
    raise ValueError("hidden")
log.append("after d")


def f():
    with Res("e"):
        return "returned"


log.append(f())
for i in range(3):
    with Res("loop%d" % i):
        if i == 1:
            continue
        if i == 2:
            break
print("\n".join(log))
