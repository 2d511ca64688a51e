try:
    max([])
except ValueError as e:
    print(e)
