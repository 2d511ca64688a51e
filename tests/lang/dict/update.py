d = {1: 2}
d.update({3: 4})
print(d)
d.update([(5, 6), [7, 8]])
print(d)
d.update(a=1, b=2)
print(d)
d.update({1: 'one'}, c=3)
print(d)
d.update(())
print(d)
d.update(['xy'])
print(d)
try:
    d.update([(1, 2, 3)])
except ValueError:
    print('ValueError')
try:
    d.update([1])
except TypeError:
    print('TypeError')
