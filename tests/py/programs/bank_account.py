class InsufficientFunds(Exception):
    pass

class Account:
    interest = 0.02

    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self.history = []

    @property
    def balance(self):
        return self._balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds("%s has only %d" % (self.owner, self._balance))
        self._balance -= amount
        self.history.append(("withdraw", amount))

    def __repr__(self):
        return "Account(%r, %d)" % (self.owner, self._balance)

class Savings(Account):
    interest = 0.05

    def add_interest(self):
        self.deposit(round(self._balance * self.interest))

acct = Account("ann", 100)
acct.deposit(50)
try:
    acct.withdraw(500)
except InsufficientFunds as e:
    print("refused:", e)
acct.withdraw(30)
print(acct, acct.balance, acct.history)
s = Savings("bob", 1000)
s.add_interest()
print(s, isinstance(s, Account), s.interest, Account.interest)
try:
    s.deposit(-5)
except ValueError as e:
    print(e)
