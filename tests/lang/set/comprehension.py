print(sorted({x % 5 for x in range(20)}))
print(sorted({c for c in 'mississippi'}))
