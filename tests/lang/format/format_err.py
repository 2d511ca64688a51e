tests = [
    lambda: format(5, 'f'),
    lambda: format(5, 'e'),
    lambda: format(5, '%'),
    lambda: format(5, 's'),
    lambda: format('a', 'd'),
    lambda: format('a', '+'),
    lambda: format('a', '=5'),
    lambda: format(5, '.2'),
    lambda: format(5, ',x'),
    lambda: format(5, 'zz'),
    lambda: format(5, '.'),
]
for t in tests:
    try:
        print(t())
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
