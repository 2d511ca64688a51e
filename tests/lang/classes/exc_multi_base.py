class Mixin:
    def describe(self):
        return "mixin:" + type(self).__name__
class E(Mixin, ValueError):
    pass
try:
    raise E("bad")
except ValueError as e:
    print(e.describe(), e.args, isinstance(e, Mixin))
class Both(ValueError, KeyError):
    pass
try:
    raise Both("x")
except KeyError as e:
    print("KeyError caught", type(e).__name__)
except ValueError:
    print("ValueError caught")
