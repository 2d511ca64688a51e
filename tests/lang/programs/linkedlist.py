# A linked list class with iteration protocol, __len__, __getitem__, __contains__, __repr__.
class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next


class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for x in reversed(list(items)):
            self.push(x)

    def push(self, v):
        self.head = Node(v, self.head)
        self.size += 1

    def __iter__(self):
        n = self.head
        while n:
            yield n.value
            n = n.next

    def __len__(self):
        return self.size

    def __getitem__(self, i):
        if i < 0:
            i += self.size
        for j, v in enumerate(self):
            if j == i:
                return v
        raise IndexError("index out of range")

    def __contains__(self, v):
        return any(x == v for x in self)

    def __repr__(self):
        return "LinkedList([" + ", ".join(repr(x) for x in self) + "])"

    def reverse(self):
        prev, n = None, self.head
        while n:
            n.next, prev, n = prev, n, n.next
        self.head = prev


ll = LinkedList(range(5))
print(ll, len(ll), ll[0], ll[-1], 3 in ll, 9 in ll, list(ll), sum(ll))
ll.reverse()
print(ll, [x * x for x in ll], sorted(ll))
try:
    ll[10]
except IndexError as e:
    print("IndexError", e)
print(bool(LinkedList()), bool(ll), LinkedList("abc"))
