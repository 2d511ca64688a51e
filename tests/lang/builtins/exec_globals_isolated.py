ns = {"k": 1}
exec("k += 1\nm = k * 10", ns)
print(ns["k"], ns["m"])
print("m" in globals())
ns2 = {}
exec("import sys\nv = sys.byteorder", ns2)
print(ns2["v"])
