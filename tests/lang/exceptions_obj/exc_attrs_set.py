class E(Exception):
    pass
e = E("m")
e.extra = 5
print(e.extra, e.args)
try:
    raise e
except E as x:
    print(x is e, x.extra)
