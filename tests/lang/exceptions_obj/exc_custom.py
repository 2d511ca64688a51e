class MyError(Exception):
    pass
class DetailError(MyError):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
try:
    raise MyError("boom")
except MyError as e:
    print(type(e).__name__, e, e.args)
try:
    raise DetailError(7, "bad thing")
except MyError as e:
    print(type(e).__name__, e.code, e, e.args, isinstance(e, Exception))
try:
    raise DetailError(1, "x")
except Exception as e:
    print("caught as Exception", e.code)
