# collections.deque follows MicroPython: maxlen is required; flags=True makes a full deque refuse
# appends with IndexError('full'); an empty one raises IndexError('empty').
from collections import deque
try:
    deque(())
except TypeError:
    print('TypeError: maxlen required')
d = deque((), 2, True)
d.append(1)
d.append(2)
for f in (lambda: d.append(3), lambda: d.appendleft(0)):
    try:
        f()
    except IndexError as e:
        print('IndexError', e, len(d))
print(d.popleft(), d.pop())
for f in (d.pop, d.popleft):
    try:
        f()
    except IndexError as e:
        print('IndexError', e)
plain = deque([1, 2, 3], 2)
plain.append(4)
plain.appendleft(0)
print(list(plain))
