def check(src):
    try:
        exec(src, {})
        print("ok")
    except SyntaxError as e:
        print(type(e).__name__)
    except Exception as e:
        print("ran", type(e).__name__)
check('f"{}"')
check('f"{ }"')
check('f"{x!z}"')
check('f"}"')
check('f"{x"')
check('f"{"')
check('f"{x!}"')
check('f"{x:{y}"')
check('f"a}b"')
check('f"{x:{}}"')
check('f"{)}"')
check('f"{x!r"')
check('f"{a b}"')
check('f"{#}"')
check('f"{x y}"')
check('bf"{x}"')
