exec("a = 5")
print(a)
g = {}
exec("b = 3\ndef f():\n    return b * 2", g)
print(g["b"], g["f"]())
print(exec("1 + 1"))
exec("for i in range(3):\n    print(i)")
try:
    exec("x = = 1")
except SyntaxError:
    print("SyntaxError")
exec(b"print('from bytes')")
