state = [0]
def counter():
    state[0] += 1
    return state[0]
print(list(iter(counter, 5)))
data = [3, 2, 1, 0, 9]
print(list(iter(data.pop, 0)))
it = iter(lambda: 1, 1)
print(list(it), list(it))
