try:
    1 // 0
except ZeroDivisionError as e:
    print(e)
try:
    (2**100) % 0
except ZeroDivisionError as e:
    print(e)
try:
    divmod(5, 0)
except ZeroDivisionError as e:
    print(e)
