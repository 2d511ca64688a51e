class Account:
    def __init__(self, bal):
        self.bal = bal
    def withdraw(self, n):
        if n > self.bal:
            raise ValueError("insufficient")
        self.bal -= n
        return self.bal
a = Account(10)
print(a.withdraw(3))
try:
    a.withdraw(100)
except ValueError as e:
    print("error:", e, a.bal)
