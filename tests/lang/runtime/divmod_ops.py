print(7 // 2, -7 // 2, 7 % -2, divmod(7, 2), divmod(-7, 2), 2 ** 10, 2 ** -1 if False else 0)
try:
    1 // 0
except ZeroDivisionError:
    print("ZeroDivisionError")
try:
    1 % 0
except ZeroDivisionError:
    print("ZeroDivisionError")
