class ML(list):
    def tag(self):
        return "ml"
m = ML([1])
m += [2, 3]
print(type(m).__name__, m.tag(), list(m), len(m))
class MI(int):
    pass
x = MI(5)
y = x + 0
print(type(y).__name__, y)
x += 1
print(type(x).__name__, x)
