# Text statistics: split, strip, counting with dicts, max with key, slicing, enumerate.
text = """The quick brown fox jumps over the lazy dog.
The dog barks; the fox runs away!
  Foxes are quick, dogs are lazy?  """
lines = text.splitlines()
print(len(lines), [len(l) for l in lines])
words = []
for line in lines:
    for w in line.split():
        w = w.strip(".,;!?").lower()
        if w:
            words.append(w)
print(len(words), words[:5], words[-3:])
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:4]
print(top)
print(max(words, key=len), min(words, key=len))
for i, line in enumerate(lines, 1):
    print(i, repr(line.strip()[:20]), line.count("the"), line.find("fox"))
print(" ".join(reversed(words[:6])))
print(sorted(set(w[0] for w in words)))
