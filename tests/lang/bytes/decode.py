print(b'abc'.decode(), b'\xe2\x98\x83'.decode('utf-8'), bytearray(b'hi').decode())
for bad in [b'\xff', b'\xc3', b'\xe2\x98', b'\xed\xa0\x80', b'\xc0\x80']:
    try:
        bad.decode()
        print('ok?')
    except UnicodeError:
        print('UnicodeError')
