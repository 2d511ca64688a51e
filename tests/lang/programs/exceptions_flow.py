# Exception flow: nested try/finally, re-raise, raise from, custom hierarchies, else clauses.
class AppError(Exception):
    pass


class DbError(AppError):
    pass


def risky(n):
    if n == 0:
        raise DbError("db down")
    if n == 1:
        raise KeyError(n)
    if n == 2:
        return 1 // 0
    return n


for n in range(4):
    try:
        try:
            r = risky(n)
        except AppError as e:
            print("app:", type(e).__name__, e)
            raise
        except LookupError as e:
            print("lookup:", repr(e.args))
        else:
            print("ok", r)
        finally:
            print("finally", n)
    except DbError:
        print("outer caught db")
    except ZeroDivisionError:
        print("outer zero")

try:
    try:
        {}["missing"]
    except KeyError as e:
        raise ValueError("wrapped") from e
except ValueError as e:
    print(e, type(e.__cause__).__name__)


def f():
    try:
        return "try"
    finally:
        print("f finally")


print(f())


def g():
    for i in range(5):
        try:
            if i == 3:
                break
        finally:
            print("g", i)
    return i


print(g())
print(issubclass(DbError, Exception), isinstance(DbError(), AppError))
