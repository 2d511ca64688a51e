text = """The quick brown fox jumps over the lazy dog.
The dog sleeps; the fox runs away, quickly!
A fox, a dog, and THE end."""
counts = {}
for line in text.splitlines():
    for w in line.lower().split():
        w = w.strip('.,;!')
        if w:
            counts[w] = counts.get(w, 0) + 1
for w, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
    print('%-8s %3d %s' % (w, c, '*' * c))
print(len(counts), sum(counts.values()))
