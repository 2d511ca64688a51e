a = list(range(10))
print(a[2:5], a[:3], a[7:], a[:], a[::2], a[1::3], a[::-1], a[-3:-1], a[5:2:-1])
print(a[:-7], a[-2:], "hello"[1:4], list("hello")[::-1])
b = a[:]
b[1:3] = [10, 20, 30]
print(b)
del b[1:3:1]
print(b)
print(a[1:2:], a[::])
i, j = 1, 4
print(a[i:j], a[i + 1:j * 2], a[i:j:1])
