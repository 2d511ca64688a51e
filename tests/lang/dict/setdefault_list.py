groups = {}
for w in ['apple', 'avocado', 'banana', 'blueberry', 'cherry']:
    groups.setdefault(w[0], []).append(w)
print(groups)
counts = {}
for c in 'mississippi':
    counts[c] = counts.get(c, 0) + 1
print(counts)
