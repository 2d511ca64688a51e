x = 10
x += 1; print(x)
x -= 2; print(x)
x *= 3; print(x)
x //= 4; print(x)
x %= 4; print(x)
x **= 3; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x |= 1; print(x)
x &= 6; print(x)
x ^= 7; print(x)
l = [1]
l += [2]
print(l)
l[0] += 10
print(l)
class O: pass
o = O()
o.a = 1
o.a += 1
print(o.a)
s = "a"
s += "b" "c"
print(s)
