# String processing: caesar cipher, palindromes, run-length encoding, formatting widths.
def caesar(s, k):
    out = []
    for ch in s:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - 97 + k) % 26 + 97))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - 65 + k) % 26 + 65))
        else:
            out.append(ch)
    return "".join(out)


def rle(s):
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append("%d%s" % (j - i, s[i]))
        i = j
    return "".join(out)


msg = "Hello, World! xyz"
enc = caesar(msg, 3)
print(enc, caesar(enc, -3) == msg)
for w in ["racecar", "level", "python", "A man a plan a canal Panama"]:
    norm = "".join(c.lower() for c in w if c.isalpha())
    print(w, norm == "".join(reversed(norm)))
print(rle("aaabccddddde"), rle(""), rle("z"))
for n in [0, 7, 42, 255, 1000]:
    print("%5d|%-5d|%05d|%x|%X|%o|%+d" % (n, n, n, n, n, n, n))
print("abc".center(9, "*"), "abc".ljust(6, "."), "abc".rjust(6), "42".zfill(5), "-42".zfill(5))
print("a-b-c".split("-"), "a-b-c".rsplit("-", 1), "  x y  ".split(), "x,,y".split(","))
print("Hello".startswith("He"), "Hello".endswith(("lo", "x")), "hello world".title(), "ABC".lower())
