a = 'abc'
b = a + 'def'
print(b)
b += 'ghi'
print(b)
print('' + a, a + '')
print(a * 3, 3 * a, a * 0, a * -1, 0 * a)
print('ab' * 1)
x = ''
for i in range(10):
    x += str(i)
print(x)
