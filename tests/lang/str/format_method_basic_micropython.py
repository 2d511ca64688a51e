# A str.format field with an index or an attribute is NotImplementedError, as in MicroPython;
# f-strings evaluate such expressions themselves and work.
class C:
    attr = 5
l = ['a', 'b']
d = {'k': 'v'}
for c in ("'{0[1]} {0[0]}'.format(l)", "'{d[k]}'.format(d=d)", "'{0.attr}'.format(C())",
          "'{x.attr}'.format(x=C)", "'{[0]}'.format(l)", "'{0[0]:>3}'.format(l)"):
    try:
        print(c, repr(eval(c)))
    except Exception as e:
        print(c, type(e).__name__, e)
print(f'{l[1]} {d["k"]} {C.attr}')
