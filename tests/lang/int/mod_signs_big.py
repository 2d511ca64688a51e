a = 2**100 + 12345
b = 2**64 + 3
for x in (a, -a):
    for y in (b, -b, 7, -7, 2**64, -(2**64)):
        print(x // y, x % y)
