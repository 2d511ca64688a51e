a, b = 17, 5
print(a + b, a - b, a * b, a // b, a % b, a ** 2)
print(a << 2, a >> 2, a & b, a | b, a ^ b, ~a)
print(a < b, a > b, a <= b, a >= b, a == b, a != b)
try:
    a / b
except TypeError as e:
    print("TypeError")
try:
    a @ b
except TypeError:
    print("TypeError")
print(-a // b, -a % b, a // -b, a % -b)
print(divmod(a, b))
