g = {"__name__": "pkg.rel_host", "__package__": "pkg"}
m = __import__("other", g, None, ["other_value"], 1)
print(m.__name__, m.other_value)
m = __import__("", g, None, ["sub"], 1)
print(m.__name__)
