# machine.UART as far as board issue #5 needs it: UART0 is the REPL's UART (stdout in script
# mode), ids 0 and 1 exist, a deinitialised UART refuses I/O, bad settings are errors.
import machine

u = machine.UART(0, 115200)
print(u.write(b"hello\n"), u.write("str too\n"), u.any(), u.read(), u.readline())
print(u)
print(machine.UART(0) is u)
u.deinit()
print(u)
for f in (lambda: u.write("x"), lambda: u.read(), lambda: u.any()):
    try:
        f()
    except OSError as e:
        print("OSError", e)
for args in ((2,), (-1,), (1, 0), (1, 9600, 9), (1, 9600, 8, 2), (1, 9600, 8, None, 3)):
    try:
        machine.UART(*args)
        print("ok", args)
    except (OSError, ValueError) as e:
        print(type(e).__name__, e)
print(machine.UART(1, 9600, bits=7, parity=machine.UART.ODD, stop=2))
print(machine.UART(1, 9600, parity=machine.UART.EVEN))
buf = bytearray(4)
print(machine.UART(1).readinto(buf), buf)
print(machine.main("other.py"), machine.main)
try:
    machine.main(5)
except ValueError as e:
    print("ValueError", e)
