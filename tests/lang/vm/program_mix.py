import sys
class Node:
    __slots__ = ("val", "next")
    def __init__(self, val, next=None):
        self.val = val
        self.next = next
class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for it in reversed(list(items)):
            self.push(it)
    def push(self, v):
        self.head = Node(v, self.head)
        self.size += 1
    def __iter__(self):
        n = self.head
        while n is not None:
            yield n.val
            n = n.next
    def __len__(self):
        return self.size
    def __repr__(self):
        return "LinkedList(%r)" % list(self)
    def map(self, fn):
        return LinkedList(fn(v) for v in self)
ll = LinkedList(range(5))
print(ll, len(ll), ll.map(lambda v: v * v))
def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]

    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(90))
def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found):
            found.append(n)
            yield n
        n += 1
g = primes()
print([next(g) for _ in range(15)])
words = "the quick brown fox jumps over the lazy dog the end".split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack()
s.push(1); s.push(2)
print(s.peek(), len(s), s)
def parse(expr):
    tokens = expr.replace("(", " ( ").replace(")", " ) ").split()
    def read(pos):
        if tokens[pos] == "(":
            out = []
            pos += 1
            while tokens[pos] != ")":
                v, pos = read(pos)
                out.append(v)
            return out, pos + 1
        t = tokens[pos]
        try:
            return int(t), pos + 1
        except ValueError:
            return t, pos + 1
    return read(0)[0]
def evaluate(x):
    if isinstance(x, int):
        return x
    op, *args = x
    vals = [evaluate(a) for a in args]
    if op == "+":
        return sum(vals)
    if op == "*":
        r = 1
        for v in vals:
            r *= v
        return r
    raise ValueError("bad op " + op)
print(evaluate(parse("(+ 1 (* 2 3) (* 4 (+ 5 6)))")))
try:
    evaluate(parse("(- 1 2)"))
except ValueError as e:
    print("error:", e)
matrix = [[i * 3 + j for j in range(3)] for i in range(3)]
print([list(r) for r in zip(*matrix)])
print(f"{'total':>8}: {sum(map(sum, matrix)):05d}")
