it = iter(b'ab')
print(next(it), next(it))
total = 0
for x in bytes(range(10)):
    total += x
print(total)
print(sum(bytearray(b'\x01\x02')), max(b'abc'), sorted(b'cab'))
