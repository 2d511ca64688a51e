import sys
try:
    sys.exit(5)
except SystemExit as e:
    print("caught", e.args)
try:
    sys.exit()
except SystemExit as e:
    print("caught", e.args)
try:
    raise SystemExit("msg")
except SystemExit as e:
    print(e)
