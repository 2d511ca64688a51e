print([x * y for x in range(3) for y in range(3) if x != y])
print([[j for j in range(i)] for i in range(4)])
print({x: x * x for x in range(4)})
print(sorted({x % 3 for x in range(10)}))
print(sum(x for x in range(101)))
x = "outer"
print([x for x in range(3)], x)
print([(a, b) for a in "ab" for b in range(2)])
n = 3
print([i * n for i in range(n)])
