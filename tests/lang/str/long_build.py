# test-options: -X heapsize=1m
parts = []
for i in range(1000):
    parts.append(str(i))
s = ''.join(parts)
print(len(s), s[:20], s[-10:])
t = s.replace('1', 'one')
print(len(t), t.count('one'))
u = ' '.join(parts)
w = u.split()
print(len(w), w[500])
print(s.find('999'), s.rfind('0'))
