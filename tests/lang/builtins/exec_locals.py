g = {"a": 1}
l = {"b": 2}
print(eval("a + b", g, l))
exec("c = a + b", g, l)
print(l["c"], "c" in g)
l2 = {}
exec("x = 5\ny = x * 2", {}, l2)
print(sorted(l2.items()))
print(eval("n * 3", None, {"n": 4}) if False else eval("n * 3", {"n": 4}))
