class C:
    def __call__(self):
        return 1
def f():
    pass
print(callable(f), callable(C), callable(C()), callable(print), callable(1), callable(None), callable([].append), callable(lambda: 0))
