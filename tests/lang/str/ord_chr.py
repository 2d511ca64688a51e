print(ord('a'), ord('é'), ord('☃'), ord('\U0001f600'))
print(chr(97), chr(233), chr(9731), repr(chr(0)), chr(0x1f600) == '\U0001f600')
for c in 'aé☃':
    print(chr(ord(c)) == c)
try:
    ord('ab')
except TypeError:
    print('TypeError')
try:
    chr(0x110000)
except ValueError as e:
    print('ValueError', e)
