# Integer matrices: list-of-lists arithmetic, transpose with zip, determinant by recursion.
def mat_mul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]


def det(m):
    if len(m) == 1:
        return m[0][0]
    total = 0
    for j in range(len(m)):
        minor = [row[:j] + row[j + 1:] for row in m[1:]]
        total += (-1) ** j * m[0][j] * det(minor)
    return total


def identity(n):
    return [[int(i == j) for j in range(n)] for i in range(n)]


a = [[2, 0, 1], [1, 3, 2], [1, 1, 1]]
b = [[1, 2, 3], [4, 5, 6], [7, 8, 10]]
print(mat_mul(a, b))
print(mat_mul(a, identity(3)) == a)
print(det(a), det(b), det(mat_mul(a, b)) == det(a) * det(b))
print(list(map(list, zip(*b))))
p = identity(3)
for _ in range(10):
    p = mat_mul(p, a)
print(p, det(p))
