def check(src):
    try:
        exec(src, {})
        print("ok")
    except SyntaxError as e:
        print(type(e).__name__)
    except Exception as e:
        print("ran", type(e).__name__)
check('for 1 in x: pass')
check('for f() in x: pass')
check('[x for 1 in y]')
check('{x for f() in y}')
check('with a as 1: pass')
check('with a as f(): pass')
check('(x.y := 1)')
check('(x[0] := 1)')
check('((a, b) := 1)')
check('for x, in []: pass')
