class R:
    def __lt__(self, o):
        return "lt-result"
    def __eq__(self, o):
        return [1]
print(R() < 1, R() == 1, 1 > R())
