class Node:
    def __init__(self, v, nxt):
        self.v = v
        self.nxt = nxt
head = None
for i in range(300):
    head = Node(i, head)
total = 0
n = head
while n is not None:
    total += n.v
    n = n.nxt
print(total)
