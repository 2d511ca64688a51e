class E(Exception):
    level = "high"
    def info(self):
        return self.level + ":" + str(self.args[0])
try:
    raise E("x")
except E as e:
    print(e.info(), e.level)
