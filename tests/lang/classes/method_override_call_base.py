class Base:
    def greet(self):
        return "hello from " + self.who()
    def who(self):
        return "base"
class Child(Base):
    def who(self):
        return "child"
    def greet(self):
        return Base.greet(self) + "!"
print(Base().greet(), Child().greet())
