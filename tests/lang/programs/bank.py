# A small bank: classes, exceptions, dict bookkeeping, sorting with keys, formatting.
class InsufficientFunds(Exception):
    def __init__(self, need, have):
        super().__init__("need %d, have %d" % (need, have))
        self.need = need
        self.have = have


class Account:
    count = 0

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        Account.count += 1
        self.history = []

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("bad amount")
        self.balance += amount
        self.history.append(("dep", amount))

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(amount, self.balance)
        self.balance -= amount
        self.history.append(("wd", amount))

    def __repr__(self):
        return "Account(%r, %d)" % (self.owner, self.balance)


accounts = {name: Account(name, i * 100) for i, name in enumerate(["ann", "bob", "cy", "dee"])}
for name, amt in [("ann", 50), ("bob", 500), ("cy", 25), ("dee", 1000), ("ann", 20)]:
    try:
        accounts[name].withdraw(amt)
    except InsufficientFunds as e:
        print("fail", name, e, e.need - e.have)
for a in accounts.values():
    try:
        a.deposit(a.balance % 7)
    except ValueError as e:
        print("deposit error", a.owner, e)
print(sorted(accounts.values(), key=lambda a: (-a.balance, a.owner)))
print(Account.count, sum(a.balance for a in accounts.values()))
print([len(a.history) for a in accounts.values()])
