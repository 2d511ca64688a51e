print(*[1, 2, 3])
print(*"abc", sep="-")
print(max(*[3, 9, 2]), min(*(5, 1)))
