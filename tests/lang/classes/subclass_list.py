class MyList(list):
    def total(self):
        return sum(self)
m = MyList([1, 2, 3])
m.append(4)
print(m.total(), len(m), m[0], m[-1], 3 in m)
print(list(m), isinstance(m, list))
m[0] = 10
print(m.total(), sorted(m))
class Stack(list):
    def push(self, x):
        self.append(x)
s = Stack()
s.push(1)
s.push(2)
print(s.pop(), len(s))
