def f(a, b=2, c=3):
    return (a, b, c)
print(f(1), f(1, 5), f(1, c=9), f(a=0, b=1, c=2))
counter = [0]
def g(x=[]):
    x.append(1)
    return len(x)
print(g(), g(), g([]))
n = 5
def h(v=n):
    return v
n = 6
print(h())
