def check(src):
    try:
        exec(src, {})
        print("ok")
    except SyntaxError as e:
        print(type(e).__name__)
    except Exception as e:
        print("ran", type(e).__name__)
check('del f()')
check('del 1')
check('del a + b')
check('del *a')
check('del (a, f())')
check('del a, 1')
check('del [a, b]')
check('del a.b, c[0]')
