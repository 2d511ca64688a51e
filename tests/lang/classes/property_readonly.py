class R:
    @property
    def x(self):
        return 42
r = R()
print(r.x)
try:
    r.x = 1
except AttributeError:
    print("AttributeError")
print(r.x)
