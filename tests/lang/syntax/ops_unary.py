x = 5
print(-x, +x, ~x, --x, -+-x, ~~x, not x, not not x)
print(- 2 ** 2, (-2) ** 2)
print(-(3), -(-3))
print(2 ** -1 if False else 0)
print(~-1)
