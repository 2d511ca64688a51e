class MyError(Exception):
    pass
class Sub(MyError):
    def __init__(self, code):
        super().__init__("code", code)
        self.code = code
try:
    raise Sub(5)
except MyError as e:
    print(type(e).__name__, e.code, e.args)
try:
    raise MyError
except Exception as e:
    print(type(e).__name__, e.args)
print(issubclass(Sub, Exception), isinstance(Sub(1), MyError))
