print(1 in [True], 0 in [False], 'a' in ['a'], (1,) in [(1,)], [1] in [[1]], None in [0, ''])
class E:
    def __eq__(self, o):
        return True
print(5 in [E()], E() in [1])
print([1, 2].count(True), [1, 1].count(1))
