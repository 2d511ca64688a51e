print(sum(range(1000)), sum([2**64] * 10), sum(2**i for i in range(200)) == 2**200 - 1)
print(sum([-(2**70), 2**70, 5]), sum([True, True, 3]))
