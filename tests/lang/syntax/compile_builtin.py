code = compile("x = 6 * 7", "<s>", "exec")
g = {}
exec(code, g)
print(g["x"])
e = compile("1 + 2", "<s>", "eval")
print(eval(e))
exec(compile("3 * 3", "<s>", "single"))
exec(compile("if 1:\n  print('compound single')\n", "<s>", "single"))
try:
    compile("x = ", "<s>", "exec")
except SyntaxError as e:
    print(type(e).__name__)
try:
    compile("  1", "<s>", "exec")
except SyntaxError as e:
    print(type(e).__name__)
