class P:
    @property
    def bad(self):
        raise AttributeError("no")
    @property
    def good(self):
        return 1
p = P()
print(hasattr(p, "bad"), hasattr(p, "good"))
class Q:
    @property
    def err(self):
        raise ValueError("boom")
try:
    hasattr(Q(), "err")
except ValueError as e:
    print("ValueError", e)
