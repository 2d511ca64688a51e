# set.pop() takes the first element in iteration order, also after many pops and re-adds.
s = set(range(100))
out = [s.pop() for _ in range(60)]
print(out == list(range(60)), sorted(s) == list(range(60, 100)))
s.add(5)
print(len(s), 5 in s)
s = {'b', 'a'}
first = next(iter(s))
print(s.pop() == first)
try:
    set().pop()
except KeyError as e:
    print('KeyError', e)
