class Foo:
    pass
class Bar(Foo):
    pass
f = Foo()
print(Foo.__name__, type(f).__name__, f.__class__.__name__, f.__class__ is Foo)
print(type(f) is Foo, type(Bar()) is Foo, type(Foo) is type)
print(Bar.__bases__ == (Foo,), Foo.__bases__ == (object,))
print(int.__name__, type(1).__name__, type("").__name__, type(None).__name__)
