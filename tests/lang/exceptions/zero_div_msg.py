for expr in ("1 // 0", "1 % 0"):
    try:
        eval(expr)
    except ZeroDivisionError as e:
        print(type(e).__name__)
