for i in range(5):
    try:
        if i == 3:
            raise StopIteration
        print(i)
    except StopIteration:
        print("stop at", i)
        break
