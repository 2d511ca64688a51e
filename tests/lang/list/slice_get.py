l = list(range(10))
print(l[2:5], l[:3], l[7:], l[:], l[-3:], l[:-7])
print(l[::2], l[1::3], l[::-1], l[::-3], l[8:2:-2])
print(l[100:], l[-100:2], l[5:2], l[2:5:-1])
print(l[None:4], l[1:None:None])
try:
    l[::0]
except ValueError as e:
    print(type(e).__name__, e)
