print(pow(2, 10), pow(-2, 3), pow(3, 0), pow(0, 0))
print(pow(2, 100))
print(pow(3, 4, 5), pow(2, 100, 7), pow(-3, 3, 7), pow(3, 3, -7))
print(pow(12345678901234567890, 98765, 1000000007))
try:
    pow(2, 3, 0)
except ValueError:
    print("ValueError")
print(pow(5, 2, None))
