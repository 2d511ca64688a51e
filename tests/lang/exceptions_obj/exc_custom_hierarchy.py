class AppError(Exception):
    pass
class DbError(AppError):
    pass
class NetError(AppError):
    pass
for cls in (DbError, NetError, AppError):
    try:
        raise cls("x")
    except DbError:
        print("db")
    except AppError as e:
        print("app", type(e).__name__)
