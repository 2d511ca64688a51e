try:
    open("/nonexistent_dir_zz/x.txt")
except OSError as e:
    print("OSError", e.args[0])
try:
    open("x", "q")
except ValueError:
    print("ValueError")
f = open("/tmp/_wipy_lang_closed.txt", "w")
f.close()
try:
    f.write("x")
except ValueError:
    print("ValueError")
