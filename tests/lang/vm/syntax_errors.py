def check(src):
    try:
        exec(src)
    except SyntaxError as e:
        print("SyntaxError", e.args[0])
check("return 1")
check("break")
check("continue")
check("yield 1")
check("def f():\n    x = 1\n    global x")
check("def f():\n    nonlocal q")
check("nonlocal z")
check("def f(a):\n    global a")
check("class C:\n    return 1")
check("def f():\n    return [(yield x) for x in y]")
check("def f():\n    return ((yield x) for x in y)")
