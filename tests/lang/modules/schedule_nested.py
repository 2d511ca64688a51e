# What a scheduled callback schedules waits for a later pass of the scheduler: not nested in the
# callback (its sleeps don't run it) and not on the callback's way out, so a KeyboardInterrupt
# scheduled from a callback reaches the main program at a following check.
from time import sleep
from micropython import schedule, kbd_intr

log = []


def inner(x):
    log.append(("inner", x))


def outer(x):
    log.append(("outer start", x))
    schedule(inner, x + 1)
    for _ in range(50):
        sleep(0)
    log.append(("outer end", x))


schedule(outer, 1)
for _ in range(20):
    sleep(0)
print(log)


def cb(_):
    schedule(kbd_intr, None)
    for _ in range(50):
        sleep(0)
    print("callback done")


schedule(cb, None)
sleep(0)
try:
    for _ in range(20):
        sleep(0)
    print("fail")
except KeyboardInterrupt:
    print("KeyboardInterrupt")
for _ in range(20):
    sleep(0)
print("quiet")
