# test-options: -X heapsize=1m
lines = ["total = 0"]
for i in range(3000):
    lines.append("total += %d" % i)
lines.append("def f%d(a, b=1):\n    return a + b" % 1)
g = {}
exec("\n".join(lines), g)
print(g["total"], g["f1"](2))
s = "x = [" + ", ".join(str(i) for i in range(5000)) + "]"
exec(s, g)
print(len(g["x"]), g["x"][-1])
