class S(str):
    def shout(self):
        return self.upper() + "!"
s = S("hi")
print(s.shout(), len(s), s + "x", isinstance(s, str))
