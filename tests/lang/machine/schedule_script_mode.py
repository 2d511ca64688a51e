# micropython.schedule in script mode: callbacks run at bytecode boundaries and during delays,
# in the order they were scheduled, each once, with their argument; a full queue is a RuntimeError.
import micropython, time

ran = []


def cb(arg):
    ran.append(arg)


micropython.schedule(cb, 1)
micropython.schedule(cb, 2)
for i in range(2000):
    pass
print("after a loop:", ran)
micropython.schedule(cb, 3)
time.sleep_ms(2)
print("after a delay:", ran)
try:
    for i in range(100):
        micropython.schedule(cb, i)
except RuntimeError as e:
    print("RuntimeError", e)
time.sleep_ms(2)
print(len(ran) > 3)
