# Towers of Hanoi and permutations: recursion depth, list mutation, tuples as keys.
def hanoi(n, src, dst, via, moves):
    if n:
        hanoi(n - 1, src, via, dst, moves)
        moves.append((src, dst))
        hanoi(n - 1, via, dst, src, moves)


moves = []
hanoi(10, "A", "C", "B", moves)
print(len(moves), moves[:3], moves[-1])
pegs = {"A": list(range(10, 0, -1)), "B": [], "C": []}
for s, d in moves:
    disk = pegs[s].pop()
    assert not pegs[d] or pegs[d][-1] > disk
    pegs[d].append(disk)
print(pegs)


def perms(xs):
    if len(xs) <= 1:
        yield list(xs)
        return
    for i in range(len(xs)):
        for p in perms(xs[:i] + xs[i + 1:]):
            yield [xs[i]] + p


ps = list(perms([1, 2, 3, 4]))
print(len(ps), ps[:3], ps[-1], len(set(tuple(p) for p in ps)))


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(200))
