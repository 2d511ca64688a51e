try:
    1 + 'a'
except TypeError as e:
    print(e)
try:
    2**70 - None
except TypeError as e:
    print(e)
