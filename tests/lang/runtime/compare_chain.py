a, b, c = 1, 2, 3
print(a < b < c, a < c < b, a <= 1 <= b, c > b > a, a == 1 == True)
print("a" < "b" < "c", [1] < [2] < [3])
