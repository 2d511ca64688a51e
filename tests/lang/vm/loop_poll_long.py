# long-running loops exercise the periodic poll path
t = 0
for i in range(200000):
    t ^= i
print(t)
n = 0
while n < 100000:
    n += 1
print(n)
def rec(k):
    return k if k == 0 else rec(k - 1)
print(sum(rec(50) for _ in range(1000)))
