# super() with no arguments needs a first positional parameter: *args is not one (RuntimeError
# when called, as in CPython; MicroPython crashes), and a nested function's own parameter is used.
class A:
    def m(self):
        return "A.m"


class B(A):
    def only_star(*args):
        return super().m()

    def self_and_star(self, *args):
        return super().m(), args

    def nested(self):
        def inner(x=None):
            return super().m()
        return inner

    def nested_self(self):
        def inner(obj):
            return super().m()
        return inner(self)


b = B()
for f in (lambda: b.only_star(), lambda: B.only_star(), lambda: b.nested()(b)):
    try:
        print(f())
    except (RuntimeError, TypeError) as e:
        print(type(e).__name__)
print(b.self_and_star(1, 2), b.nested_self())
