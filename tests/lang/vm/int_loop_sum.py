def f(n):
    s = 0
    for i in range(n):
        s += i * i % 7
    return s
print(f(10000))
t = 0
i = 0
while i < 10000:
    t = (t + i * 31) % 1000003
    i += 1
print(t)
