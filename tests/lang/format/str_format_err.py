tests = [
    lambda: '{} {}'.format(1),
    lambda: '{0} {}'.format(1, 2),
    lambda: '{} {0}'.format(1, 2),
    lambda: '{x}'.format(y=1),
    lambda: '{!z}'.format(1),
    lambda: '{'.format(),
    lambda: 'a}'.format(),
    lambda: '{0:}'.format(),
    lambda: '{0!}'.format(1),
    lambda: '}'.format(),
]
for t in tests:
    try:
        print(t())
    except (ValueError, IndexError, KeyError, AttributeError) as e:
        print(type(e).__name__)
