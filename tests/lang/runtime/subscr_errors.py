# Subscription errors: each wrong subscript raises the right exception type and the program goes on.
def attempt(label, f):
    try:
        r = f()
        print(label, 'ok', r)
    except Exception as e:
        print(label, type(e).__name__)

attempt('int[0]', lambda: (5)[0])
attempt('None[0]', lambda: None[0])
attempt('list[str]', lambda: [1, 2]['a'])
attempt('list[10]', lambda: [1, 2][10])
attempt('list[-3]', lambda: [1, 2][-3])
attempt('tuple[5]', lambda: (1,)[5])
attempt('str[9]', lambda: 'ab'[9])
attempt('str[None]', lambda: 'ab'[None])
attempt('bytes[3]', lambda: b'ab'[3])
attempt('range[4]', lambda: range(3)[4])
attempt('dict[miss]', lambda: {1: 2}[3])
attempt('dict[list]', lambda: {1: 2}[[1]])
attempt('list[True]', lambda: [1, 2][True])

def store(obj, key, val):
    obj[key] = val
    return obj

attempt('str[0]=', lambda: store('ab', 0, 'x'))
attempt('tuple[0]=', lambda: store((1,), 0, 2))
attempt('bytes[0]=', lambda: store(b'a', 0, 1))
attempt('int[0]=', lambda: store(1, 0, 1))
attempt('list[5]=', lambda: store([1], 5, 1))
attempt('list[str]=', lambda: store([1], 'a', 1))
attempt('dict[list]=', lambda: store({}, [], 1))
attempt('range[0]=', lambda: store(range(2), 0, 1))

def delete(obj, key):
    del obj[key]
    return obj

attempt('del tuple[0]', lambda: delete((1,), 0))
attempt('del str[0]', lambda: delete('a', 0))
attempt('del list[3]', lambda: delete([1], 3))
attempt('del dict[miss]', lambda: delete({}, 'k'))
attempt('del list[0]', lambda: delete([1, 2], 0))

class NoItems:
    pass

attempt('obj[0]', lambda: NoItems()[0])
attempt('obj[0]=', lambda: store(NoItems(), 0, 1))
attempt('del obj[0]', lambda: delete(NoItems(), 0))

class Items:
    def __getitem__(self, k):
        if k == 'bad':
            raise KeyError(k)
        return k * 2

attempt('custom', lambda: Items()[21])
attempt('custom bad', lambda: Items()['bad'])
attempt('custom store', lambda: store(Items(), 0, 1))
try:
    {}['missing']
except KeyError as e:
    print('KeyError args', e.args)
try:
    [][0]
except IndexError as e:
    print('IndexError', type(e.args[0]).__name__)
