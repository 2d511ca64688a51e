x = -(2**62)
print(abs(x), -x, x * -1, x // -1, abs(x) - 2**62)
y = -(2**63)
print(abs(y), -y, y * -1, y // -1)
