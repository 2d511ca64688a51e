l = [1]
t = (1,)
for seq in (l, t):
    try:
        seq['a']
    except TypeError as e:
        print(e)
try:
    [].pop()
except IndexError as e:
    print(e)
try:
    [1].pop(5)
except IndexError as e:
    print(e)
