for i in range(4):
    print("even" if i % 2 == 0 else "odd", i if i else -1)
print([x if x > 1 else 0 for x in range(4)])
