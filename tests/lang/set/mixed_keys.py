s = {1, True, 1}
print(len(s))
s = {0, False, '', None}
print(len(s))
s = {'ab', ''.join(['a', 'b'])}
print(s)
