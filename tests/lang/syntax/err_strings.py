def check(src):
    try:
        exec(src, {})
        print("ok")
    except SyntaxError as e:
        print(type(e).__name__)
    except Exception as e:
        print("ran", type(e).__name__)
check('x = "abc')
check("x = 'abc")
check('x = """abc')
check("x = '''abc\n\n")
check('x = "a\nb"')
check('b"abc" "def"')
check('"abc" b"def"')
check('b"é"')
check('"\\x4"')
check('"\\xZZ"')
check('"\\U00110000"')
check('"\\u12"')
check("ub'x'")
check("bf'x'")
check("x = 'a' 'b")
check('rb"é"')
