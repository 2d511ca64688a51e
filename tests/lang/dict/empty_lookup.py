# Looking up or removing a key in a dict with no entries finds nothing without hashing the key, as
# in MicroPython (CPython hashes first, so an unhashable key is a TypeError there): `dict()[:]` is
# a KeyError naming the slice. Storing always hashes, and so does a lookup once there are entries.
# (MicroPython skips the hash only while the dict has never held an entry; here, while it holds none.)
d = {}
for key in ([1], slice(None), {}, {1}):
    try:
        d[key]
    except KeyError as e:
        print('KeyError', e.args)
    print(key in d, d.get(key), d.get(key, 'dflt'), d.pop(key, 'popped'))
    try:
        del d[key]
    except KeyError as e:
        print('del KeyError', e.args)
    try:
        d[key] = 1
    except TypeError as e:
        print('store TypeError', e)
d['x'] = 1
del d['x']
print(len(d), [1] in d)  # emptied again: still no entries to compare with
d[0] = 0
try:
    [1] in d
except TypeError as e:
    print('TypeError', e)
try:
    d.get(slice(1))
except TypeError as e:
    print('TypeError', e)
