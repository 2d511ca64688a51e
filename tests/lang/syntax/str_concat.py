s = "a" 'b' """c""" '''d'''
print(s)
s = ("hello "
     "world")
print(s)
print(b"ab" b'cd' rb"\n")
x = 5
print("x=" f"{x}" "!" r"\n")
print("" "")
print(len("abc" "" "def"))
