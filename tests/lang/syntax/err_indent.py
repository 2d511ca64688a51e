def check(src):
    try:
        exec(src, {})
        print("ok")
    except SyntaxError as e:
        print(type(e).__name__)
    except Exception as e:
        print("ran", type(e).__name__)
check('  x = 1')
check('if x:\npass')
check('if x:\n    a\n  b')
check('if x:\n    a\n        b')
check('def f():\nreturn')
check('for i in x:\n\n# c\nprint(i)')
check('class C:\n')
check('if 1:\n  pass\n else:\n  pass')
check('x = 1\n    y = 2')
check('try:\nexcept: pass')
