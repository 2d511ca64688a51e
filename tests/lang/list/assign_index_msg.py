l = [1, 2]
try:
    l[5] = 0
except IndexError as e:
    print(e)
try:
    del l[-3]
except IndexError as e:
    print(e)
try:
    l.remove(7)
except ValueError as e:
    print(e)
try:
    (1, 2).index(7)
except ValueError as e:
    print(e)
