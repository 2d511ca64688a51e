# str.format refuses a field with an attribute or an index after its name (MicroPython's limit),
# whatever the argument is; f-strings index and take attributes.
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: '{0.nope}'.format(1))
t(lambda: '{0[5]}'.format([1]))
t(lambda: '{0[0]}'.format([1]))
t(lambda: '{.real}'.format(1))
t(lambda: '{[0]}'.format('a'))
t(lambda: '{x.y}'.format(x=1))
t(lambda: '{x[k]}'.format(x={'k': 1}))
t(lambda: '{0[0]:>3}'.format('ab'))
t(lambda: 'a {} {0.x}'.format(1))
t(lambda: '{1.x}'.format(1))
