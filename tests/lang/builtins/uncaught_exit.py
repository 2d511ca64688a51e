print("start")
raise KeyError("k")
