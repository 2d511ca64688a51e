def none(): pass
def multi(): return 1, 2
def early(x):
    if x:
        return "early"
    return "late"
print(none(), multi(), early(1), early(0))
def loop_ret():
    for i in range(10):
        if i == 3:
            return i
print(loop_ret())
def while_ret():
    while True:
        return "w"
print(while_ret())
