x = 12345
l = []
for i in range(500):
    x = (x * 1103515245 + 12345) % 2147483648
    l.append(x % 1000)
s = sorted(l)
ok = all(s[i] <= s[i + 1] for i in range(len(s) - 1))
print(ok, len(s), s[:10], s[-5:])
l.sort(reverse=True)
print(l[:5], l[-5:])
l2 = [str(v) for v in l[:50]]
l2.sort()
print(l2[:10])
t = [(v % 7, v) for v in l[:100]]
t.sort()
print(t[:8])
