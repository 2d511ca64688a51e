class Log:
    def __init__(self):
        self.events = []
    def log(self, e):
        self.events.append(e)
class Named:
    def name(self):
        return type(self).__name__
class Service(Log, Named):
    def __init__(self):
        Log.__init__(self)
        self.log("init " + self.name())
s = Service()
print(s.events)
