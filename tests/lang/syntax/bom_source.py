print("bom ok")
x = "é"
print(len(x))
