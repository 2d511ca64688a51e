try:
    undefined_name
except NameError as e:
    print("NameError")
try:
    undefined_fn()
except Exception as e:
    print(type(e).__name__)
