a = bytearray(b'Hello World')
print(a.upper(), a.lower(), a.split(), a.find(b'o'), a.replace(b'l', b'L'))
print(type(a.upper()).__name__, type(a[1:]).__name__, type(a + b'x').__name__, type(b'x' + a).__name__)
print(a * 2, a.startswith(b'He'), b'Wor' in a, b'o' in a, bytearray(b'z') in a)
print(list(a[:3]), a.count(b'l'), a.strip(b'Hd'))
print(a.decode(), a.hex())
x = bytearray(b'ab')
y = x
x += b'cd'
print(y, x is y)
print(bytearray(b'a') < bytearray(b'b'))
