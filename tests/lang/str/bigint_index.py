def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__)
t(lambda: 'ab' * (10 ** 20))
t(lambda: 'ab' * -(10 ** 20))
t(lambda: b'ab' * (2 ** 62))
t(lambda: 'abc'[10 ** 20])
t(lambda: 'abc'[-(10 ** 20):])
t(lambda: 'abc'.find('b', 10 ** 20))
