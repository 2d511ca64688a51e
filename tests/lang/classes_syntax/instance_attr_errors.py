class A: pass
try:
    A().missing
except AttributeError:
    print("AttributeError")
a = A()
a.x = 1
print(a.x)
