# micropython.schedule(micropython.kbd_intr, None) raises KeyboardInterrupt in the main program
# once the scheduler runs; asked for many times before that, it is queued once.
from time import sleep
from micropython import schedule, kbd_intr

for n in (1, 10):
    for _ in range(n):
        schedule(kbd_intr, None)
    try:
        sleep(0)
        sleep(0)
        print("fail")
    except KeyboardInterrupt:
        print("KeyboardInterrupt", n)
for _ in range(20):
    sleep(0)
print("quiet")
