c = compile("x * 2", "<test>", "eval")
print(eval(c, {"x": 21}), eval(c, {"x": 1}))
c2 = compile("y = 5\nz = y + 1", "<test>", "exec")
ns = {}
exec(c2, ns)
print(ns["y"], ns["z"])
try:
    compile("1 +", "<t>", "exec")
except SyntaxError:
    print("SyntaxError")
try:
    compile("1", "<t>", "bogus")
except ValueError:
    print("ValueError")
