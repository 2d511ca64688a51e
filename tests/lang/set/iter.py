s = {10, 20, 30}
print(sorted(x for x in s), sum(s))
try:
    for x in s:
        s.add(x + 1)
except RuntimeError as e:
    print(type(e).__name__)
