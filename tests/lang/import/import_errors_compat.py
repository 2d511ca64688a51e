# __import__ refuses an empty name (ValueError) and non-dict globals for a relative import
# (TypeError); `from m import *` is a SyntaxError in a class body as in a function.
for args in [("",), (1,), ("xyz", None, None, None, -1), ("builtins", "globals", None, None, 1)]:
    try:
        __import__(*args)
        print("no error")
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
print(__import__("builtins", "globals").__name__)
for src in ["def f(): from sys import *", "class C: from sys import *"]:
    try:
        exec(src)
        print("ok")
    except SyntaxError:
        print("SyntaxError")
