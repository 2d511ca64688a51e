try:
    int('abc')
except ValueError as e:
    print(e)
try:
    int('12x', 16)
except ValueError as e:
    print(e)
try:
    int('1.5')
except ValueError as e:
    print(e)
