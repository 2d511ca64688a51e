try:
    {[1]}
except TypeError:
    print('TypeError')
s = {frozenset([1])}
print({1} in s, frozenset([1]) in s)
s.remove({1})
print(s)
