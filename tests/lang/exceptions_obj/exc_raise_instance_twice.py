e = ValueError("again")
for i in range(2):
    try:
        raise e
    except ValueError as x:
        print(i, x is e, x)
