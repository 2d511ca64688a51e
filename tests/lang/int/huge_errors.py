try:
    x = 1 << (1 << 40)
    print('no error')
except (MemoryError, OverflowError):
    print('caught')
try:
    x = 2 ** (2 ** 100)
    print('no error')
except (MemoryError, OverflowError):
    print('caught')
try:
    x = 10 ** (10 ** 12)
    print('no error')
except (MemoryError, OverflowError):
    print('caught')
print(1 >> (1 << 100), -1 >> (1 << 100), 0 << (1 << 100))
