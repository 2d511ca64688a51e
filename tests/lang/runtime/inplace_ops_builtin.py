l = [1]
l2 = l
l += [2]
print(l, l is l2)
t = (1,)
t2 = t
t += (2,)
print(t, t is t2)
s = "a"
s += "b"
print(s)
n = 5
n -= 2
n *= 3
n //= 2
n %= 3
n **= 3
n <<= 2
n >>= 1
n |= 1
n &= 7
n ^= 2
print(n)
