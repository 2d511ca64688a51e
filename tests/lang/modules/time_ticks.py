# time ticks: wrap at 2**30, ticks_diff handles the wrap, ticks_add wraps.
import time
P = 1 << 30
print(time.ticks_add(P - 1, 1), time.ticks_add(0, -1), time.ticks_add(5, 10))
print(time.ticks_diff(5, P - 5), time.ticks_diff(P - 5, 5), time.ticks_diff(100, 50), time.ticks_diff(50, 100))
print(time.ticks_diff(time.ticks_add(123, 1000), 123), time.ticks_diff(time.ticks_add(P - 10, 20), P - 10))
t0 = time.ticks_ms()
time.sleep_ms(20)
dt = time.ticks_diff(time.ticks_ms(), t0)
print(dt >= 19, dt < 2000)
t0 = time.ticks_us()
time.sleep_us(100)
print(time.ticks_diff(time.ticks_us(), t0) >= 100)
print(0 <= time.ticks_ms() < P, 0 <= time.ticks_us() < P, time.time() > 600000000)
