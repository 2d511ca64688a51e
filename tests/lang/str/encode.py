print('abc'.encode(), 'héllo'.encode(), 'héllo'.encode('utf-8'), '☃'.encode('utf8'))
print(len('héllo'.encode()), len('héllo'))
print(str(b'abc', 'utf-8'), str(b'h\xc3\xa9', 'utf8'))
print(b'h\xc3\xa9llo'.decode(), b'abc'.decode('utf-8'))
