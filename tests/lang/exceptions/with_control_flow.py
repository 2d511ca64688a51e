class CM:
    def __init__(self, n): self.n = n
    def __enter__(self):
        print("enter", self.n); return self
    def __exit__(self, *a):
        print("exit", self.n, a[0] is not None); return False
def f():
    with CM(1):
        with CM(2):
            for i in range(3):
                with CM(i + 10):
                    if i == 1:
                        return i
print(f())
def g():
    for i in range(2):
        with CM(i):
            try:
                raise ValueError
            except ValueError:
                continue
    return "g"
print(g())
def h():
    try:
        with CM(5):
            raise KeyError
    except KeyError:
        return "h caught"
print(h())
class Bad:
    def __enter__(self): raise RuntimeError("enter")
    def __exit__(self, *a): print("no exit")
try:
    with Bad():
        print("no body")
except RuntimeError as e:
    print(e.args)
def gen():
    with CM(7):
        yield 1
        yield 2
for v in gen():
    print(v)
def gen2():
    with CM(8):
        yield 1
x = gen2()
next(x)
x.close()
def k():
    try:
        try:
            raise ValueError("a")
        finally:
            print("fin1")
    except ValueError as e:
        print("caught", e.args)
    finally:
        print("fin2")
k()
def exc_in_finally():
    try:
        try:
            raise ValueError
        finally:
            raise KeyError
    except KeyError:
        return "key"
print(exc_in_finally())
def loop_else():
    for i in range(3):
        try:
            pass
        except:
            pass
    else:
        return "else"
print(loop_else())
def while_try():
    n = 0
    while n < 5:
        n += 1
        try:
            if n % 2:
                continue
            if n == 4:
                break
        finally:
            print("w", n)
    return n
print(while_try())
