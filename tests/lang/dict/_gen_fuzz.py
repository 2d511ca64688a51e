"""Generates a random but deterministic mix of list/dict/set/tuple/range/iterator operations
whose output must match CPython: python3 _gen_fuzz.py SEED > t.py (differential testing)."""
import random, sys
seed = int(sys.argv[1])
R = random.Random(seed)
POPITEM = """import sys
def popitem(d):
    # dict.popitem takes the first item on MicroPython (and here), the last on CPython
    if sys.implementation.name == "micropython":
        return d.popitem()
    for k in d:
        return k, d.pop(k)
    raise KeyError("popitem(): dictionary is empty")
# list stores and deletions through a slice with a step other than 1, done item by item
# (MicroPython refuses them; tests/lang/list/slice_set_micropython.py and slice_del_micropython.py
# check that)
def setstep(l, k, v):
    v = list(v)
    r = range(len(l))[k]
    if len(r) != len(v):
        raise ValueError("size mismatch")
    for i, x in zip(r, v):
        l[i] = x
def delstep(l, k):
    for i in sorted(range(len(l))[k], reverse=True):
        del l[i]"""
lines = [POPITEM, "L = [3, 1, 4, 1, 5, 9, 2, 6]", "D = {}", "S = set()", "T = (1, 2, 3)", "out = []"]
def idx(): return str(R.randint(-10, 10))
def sl():
    parts = [R.choice(['', idx()]) for _ in range(2)]
    if R.random() < 0.5:
        st = R.choice(['', '1', '2', '-1', '-2', '3'])
        return '%s:%s:%s' % (parts[0], parts[1], st)
    return '%s:%s' % tuple(parts)
def stepped(s):
    """A slice text with a step other than 1, which MicroPython takes only when reading a list."""
    parts = s.split(':')
    return len(parts) == 3 and parts[2] not in ('', '1')
def slice_call(s): return 'slice(%s)' % ', '.join(p or 'None' for p in s.split(':'))
def store(s, v): return "setstep(L, %s, %s)" % (slice_call(s), v) if stepped(s) else "L[%s] = %s" % (s, v)
def delete(s): return "delstep(L, %s)" % slice_call(s) if stepped(s) else "del L[%s]" % s
def tuple_slice(s): return "tuple(list(T)[%s])" % s if stepped(s) else "T[%s]" % s
def val(): return R.choice([idx(), "'s%d'" % R.randint(0, 5), '(%s, %s)' % (idx(), idx()), 'None', 'True'])
ops = [
 lambda: "L.append(%s)" % idx(),
 lambda: "L.insert(%s, %s)" % (idx(), idx()),
 lambda: "out.append(L.pop(%s))" % idx(),
 lambda: "out.append(L[%s])" % idx(),
 lambda: "L[%s] = %s" % (idx(), idx()),
 lambda: "out.append(L[%s])" % sl(),
 lambda: store(sl(), "[%s]" % ', '.join(idx() for _ in range(R.randint(0, 4)))),
 lambda: delete(sl()),
 lambda: "del L[%s]" % idx(),
 lambda: "L.sort(reverse=%s)" % R.choice(['True', 'False']),
 lambda: "L.sort(key=lambda x: x %% %d)" % R.randint(1, 4),
 lambda: "L.reverse()",
 lambda: "out.append(L.index(%s))" % idx(),
 lambda: "L.remove(%s)" % idx(),
 lambda: "L.extend(range(%s))" % R.randint(0, 4),
 lambda: "L = L * %d" % R.randint(0, 2),
 lambda: "L += L[%s]" % sl(),
 lambda: "D[%s] = %s" % (val(), idx()),
 lambda: "out.append(D.pop(%s, 'nope'))" % val(),
 lambda: "del D[%s]" % val(),
 lambda: "out.append(D.get(%s))" % val(),
 lambda: "out.append(D.setdefault(%s, %s))" % (val(), idx()),
 lambda: "out.append(popitem(D))",
 lambda: "D.update({%s: %s})" % (val(), idx()),
 lambda: "S.add(%s)" % val(),
 lambda: "S.discard(%s)" % val(),
 lambda: "S.remove(%s)" % val(),
 lambda: "S = S ^ {%s, %s}" % (val(), val()),
 lambda: "S &= {%s, %s, %s}" % (val(), val(), val()),
 lambda: "S |= {%s}" % val(),
 lambda: "S -= {%s}" % val(),
 lambda: "out.append(%s)" % tuple_slice(sl()),
 lambda: "out.append(T[%s])" % idx(),
 lambda: "out.append(list(range(%s, %s, %s))[%s])" % (idx(), idx(), R.choice(['1', '2', '-1', '-3']), sl()),
 lambda: "out.append(range(%s, %s, %s)[%s])" % (idx(), idx(), R.choice(['1', '2', '-1', '-3']), sl()),
 lambda: "out.append(%s in range(%s, %s, %s))" % (idx(), idx(), idx(), R.choice(['1', '2', '-1', '-3'])),
 lambda: "out.append(sorted(D.items(), key=repr))",
 lambda: "out.append(list(D.keys())[%s])" % sl(),
 lambda: "out.append(sorted(D.keys() & S, key=repr))",
 lambda: "out.append(S <= set(D))",
 lambda: "out.append(S >= {%s})" % val(),
 lambda: "out.append(L < [%s, %s])" % (idx(), idx()),
 lambda: "out.append(T <= (%s, %s))" % (idx(), idx()),
 lambda: "out.append(list(enumerate(L[%s], %s)))" % (sl(), idx()),
 lambda: "out.append(list(zip(L, T, range(%s))))" % idx(),
 lambda: "out.append(list(reversed(L)))",
 lambda: "out.append(list(filter(None, L)))",
 lambda: "out.append(list(map(lambda a, b: a - b, L, L[1:])))",
 lambda: "out.append(slice(%s, %s, %s).indices(%d))" % (idx(), idx(), R.choice(['1', '-1', '2', 'None']), R.randint(0, 12)),
 lambda: "out.append(sorted(L, key=lambda x: -x, reverse=%s))" % R.choice(['True', 'False']),
 lambda: "out.append(L.count(%s))" % idx(),
 lambda: "out.append(tuple(L) + T)",
 lambda: "out.append(%s in D.values())" % idx(),
 lambda: "out.append((%s, %s) in D.items())" % (val(), idx()),
 lambda: "out.append(dict(zip(L, T)))",
 lambda: "out.append(sorted(S.union(L), key=repr))",
 lambda: "out.append(sorted(S.symmetric_difference(T), key=repr))",
 lambda: "out.append(S.isdisjoint(L))",
 lambda: "out.append(frozenset(L) == set(L))",
]
for i in range(400):
    op = R.choice(ops)()
    lines.append("try:\n    %s\nexcept (IndexError, KeyError, ValueError, TypeError) as e:\n    out.append(type(e).__name__)" % op)
    if i % 20 == 0:
        lines.append("print(L, D, sorted(S, key=repr), out); out = []")
lines.append("print(L, D, sorted(S, key=repr), out)")
print('\n'.join(lines))
