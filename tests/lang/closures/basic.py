def make_adder(n):
    def add(x):
        return x + n
    return add
a5 = make_adder(5)
a1 = make_adder(1)
print(a5(1), a1(1))
