print("loading _mod_bad")
raise ValueError("broken module")
