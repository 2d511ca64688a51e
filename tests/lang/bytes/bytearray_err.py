a = bytearray(b'ab')
for f in [lambda: a.pop(5), lambda: a.remove(120), lambda: a[10], lambda: bytearray().pop(), lambda: a.append(300), lambda: a.append('x'), lambda: hash(a)]:
    try:
        f()
        print('no error')
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__)
