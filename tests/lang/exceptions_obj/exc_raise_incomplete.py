# An exception raising itself from its own __init__ before BaseException.__init__ ran is not yet
# an exception: TypeError, as MicroPython. After super().__init__(), or once constructed, it is.
saved = []


class Early(Exception):
    def __init__(self, *a):
        saved.append(self)
        print("in init", isinstance(self, Exception))
        raise self


class Late(Exception):
    def __init__(self, *a):
        super().__init__(*a)
        raise self


class Sub(Early):
    pass


class Plain(Exception):
    def __init__(self, x):
        self.x = x


for cls in (Early, Sub, Late):
    try:
        cls(1, 2)
    except TypeError as e:
        print(cls.__name__, "TypeError", e)
    except Exception as e:
        print(cls.__name__, "raised", repr(e), e.args)

# the instance kept from the failed __init__ is still incomplete
try:
    raise saved[0]
except TypeError as e:
    print("saved TypeError")

# a normally made instance raises as usual
try:
    raise Plain(5)
except Plain as e:
    print("Plain", e.x, e.args)
try:
    raise Plain
except TypeError as e:
    print("Plain class", type(e).__name__)
