class K:
    def __getitem__(self, k):
        return k
k = K()
print(k[1])
print(k[1, 2])
print(k[1:2])
print(k[1:2, 3])
print(k[::2, :])
print(k[:, 1:2:3])
print(k[(1, 2)])
print(k[1,])
print(k[...])
print(k[..., 0])
