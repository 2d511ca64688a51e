class O:
    cls_attr = 5
    def __init__(self):
        self.a = 1
        self.b = 2
o = O()
print(sorted(o.__dict__.items()))
o.__dict__["c"] = 3
print(o.c)
o.d = 4
print(sorted(o.__dict__.keys()))
print("cls_attr" in o.__dict__)
