print(format(5), format(5, "03d"), format("ab", ">4"), format(255, "x"))
print(format(True), format(None))
