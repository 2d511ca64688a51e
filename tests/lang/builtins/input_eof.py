try:
    input()
except EOFError:
    print("EOFError")
try:
    input("prompt> ")
except EOFError:
    print("EOFError")
