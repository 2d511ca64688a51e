for n in (10, 100, 199):
    print(n, eval("(" * n + "1" + ")" * n))
try:
    eval("(" * 300 + "1" + ")" * 300)
    print("no error")
except SyntaxError as e:
    print(type(e).__name__)
print(eval("[" * 50 + "]" * 50))
print(eval("-" * 100 + "5"), eval("not " * 101 + "0"))
src = ""
for i in range(40):
    src += " " * i + "if 1:\n"
src += " " * 40 + "x = 'deep'\n"
g = {}
exec(src, g)
print(g["x"])
print(eval("1" + " + 1" * 500))
