e = ZeroDivisionError("z")
print(isinstance(e, ArithmeticError), isinstance(e, Exception), isinstance(e, BaseException), isinstance(e, LookupError))
print(type(e) is ZeroDivisionError, type(e).__name__)
try:
    1 // 0
except ArithmeticError as x:
    print("caught", type(x).__name__)
