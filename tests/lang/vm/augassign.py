x = 5
x += 3; x -= 1; x *= 2; x //= 3; x %= 3; x <<= 4; x >>= 1; x |= 1; x &= 0xff; x ^= 2
print(x)
l = [1, 2, 3]
l += [4]
print(l)
class O:
    pass
o = O()
o.v = 1
o.v += 10
print(o.v)
d = {'a': 1}
d['a'] += 5
print(d)
n = 0
def idx():
    global n
    n += 1
    return 0
arr = [10]
arr[idx()] += 1
print(arr, n)
s = "ab"
s += "cd"
s *= 2
print(s)
