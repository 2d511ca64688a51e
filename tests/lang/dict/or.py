a = {1: 2, 3: 4}
b = {3: 'x', 5: 6}
print(a | b, b | a)
a |= b
print(a)
a |= [(7, 8)]
print(a)
