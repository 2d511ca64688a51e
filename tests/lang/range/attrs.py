r = range(1, 10, 2)
print(r.start, r.stop, r.step)
r = range(7)
print(r.start, r.stop, r.step)
