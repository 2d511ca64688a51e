def make(v):
    class K:
        attr = v
        def get(self):
            return v * 2
    return K
K = make(21)
print(K.attr, K().get())
