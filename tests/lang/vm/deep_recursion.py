def r(n):
    return r(n + 1)
try:
    r(0)
except RuntimeError as e:
    print("RuntimeError")
def ok(n):
    return 0 if n == 0 else 1 + ok(n - 1)
print(ok(200))
