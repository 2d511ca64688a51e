print(b'abc'.decode(), b'\xe2\x98\x83'.decode('utf-8'), bytearray(b'hi').decode())
# (MicroPython's check is structural: surrogates and overlong forms decode; codecs_micropython.py)
for bad in [b'\xff', b'\xc3', b'\xe2\x98']:
    try:
        bad.decode()
        print('ok?')
    except UnicodeError:
        print('UnicodeError')
