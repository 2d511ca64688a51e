import sys
n = sys.stdout.write("abc\n")
print(n)
sys.stdout.write("x")
sys.stdout.write("y\n")
