print(1 == True, 0 == False, 2 == True, None == 0, None == None, None == False)
print([] == [], [1] == [1], (1,) == [1], {} == {}, "a" == "a", "a" == b"a")
print(1 != "1", [1, 2] != [1, 2], 10**20 == 10**20, 10**20 != 10**20 + 1)
x = [1, 2]
print(x == x, x != x)
