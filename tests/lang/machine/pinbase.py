# machine.PinBase: a pin written in Python (its value([x]) method) that Signal drives and reads
import machine


class Recorder(machine.PinBase):
    def __init__(self, start):
        self.level = start
        self.log = []

    def value(self, v=None):
        if v is None:
            return self.level
        self.log.append(v)
        self.level = 1 if v else 0


r = Recorder(1)
print(isinstance(r, machine.PinBase), r.value(), r.log)
s = machine.Signal(r)
print(s(), s.value())
s.off()
s(1)
s.value(0)
print(r.log, r.level)
inv = machine.Signal(r, invert=True)
inv.on()
print(r.log[-1], r.level, inv(), s())
inv.off()
print(r.log[-1], r.level, inv())


class Odd(machine.PinBase):
    def value(self, v=None):
        return 6


print(machine.Signal(Odd())(), machine.Signal(Odd(), invert=True).value())


class Bare(machine.PinBase):
    pass


try:
    machine.Signal(Bare()).value()
except AttributeError:
    print("AttributeError")
print(type(machine.PinBase()).__name__)
