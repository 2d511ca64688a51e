print(SystemExit(3).code, SystemExit().code, SystemExit("msg").code)
try:
    raise SystemExit(2)
except SystemExit as e:
    print("caught", e.code)
try:
    raise SystemExit
except Exception:
    print("wrong")
except BaseException as e:
    print("base", type(e).__name__)
