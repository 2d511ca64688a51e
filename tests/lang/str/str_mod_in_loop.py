out = []
for i in range(5):
    out.append('%d:%s' % (i, 'x' * i))
print(out)
