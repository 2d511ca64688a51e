l = [1, 2, 3]
for i in (3, -4, 100):
    try:
        l[i]
    except IndexError as e:
        print(type(e).__name__, e)
try:
    l[3] = 0
except IndexError as e:
    print(type(e).__name__)
try:
    l['a']
except TypeError as e:
    print(type(e).__name__)
print(l[True], l[False])
