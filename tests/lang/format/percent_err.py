tests = [
    lambda: '%s %s' % ('a',),
    lambda: '%s' % ('a', 'b'),
    lambda: 'abc' % 5,
    lambda: '%d' % 'x',
    lambda: '%f' % 5,
    lambda: '%y' % 5,
    lambda: '%' % (),
    lambda: '%c' % 'ab',
    lambda: '%(a)s' % 5,
    lambda: '%x' % 'a',
]
for t in tests:
    try:
        print(t())
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__)
