for i in range(3):
    print(i)
else:
    print("else")
for i in range(10):
    if i == 2:
        break
else:
    print("not here")
print(i)
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)
for x in []:
    print("no")
else:
    print("empty else")
