try:
    open("/nonexistent_dir_zz/x.txt")
except OSError as e:
    print(e)
