# Word counting with dicts and strings over generated text.
WORDS = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon".split()


def make_text(n):
    lines = []
    seed = 12345
    for i in range(n):
        parts = []
        for j in range(12):
            seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
            parts.append(WORDS[seed % len(WORDS)] + ("" if seed % 7 else "s"))
        lines.append(" ".join(parts))
    return lines


def count(lines):
    counts = {}
    for line in lines:
        for w in line.split():
            counts[w] = counts.get(w, 0) + 1
    return counts


text = make_text(1500)
total = {}
for _ in range(160):
    for k, v in count(text).items():
        total[k] = total.get(k, 0) + v
best = sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(len(total), best)
