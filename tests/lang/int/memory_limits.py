# test-options: -X heapsize=96k
caught = 0
for n in (10**5, 10**6, 3 * 10**6, 10**7):
    try:
        x = 3 ** n
        print(n, x % 1000000007, x >> 158496)  # 3**100000 has 158497 bits
    except MemoryError:
        caught += 1
        print(n, 'MemoryError')
l = []
try:
    while True:
        l.append(7 ** 2000)
except MemoryError:
    n = len(l)
    l = None
    print('filled', n > 10)
x = 1
for i in range(1, 300):
    x *= i
print(x % 1000007)
try:
    s = str(2 ** 600000)
except MemoryError:
    print('str MemoryError')
print((2**1000 + 1) % 97)
