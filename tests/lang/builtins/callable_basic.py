def f(): pass
class C:
    def m(self): pass
class D:
    def __call__(self): return 1
print(callable(f), callable(C), callable(C().m), callable(print), callable(len))
print(callable(1), callable("s"), callable(None), callable([]))
print(callable(C()), callable(D()))
print(callable(lambda: 0), callable(int), callable(type))
