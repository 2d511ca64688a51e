"""A reader of the VCD files the board's trace writes (board/vcd.c), for the suites that check
waveforms (control, waves, ftp's safe boot): signals by name, their changes in ns, edges and
levels. It parses; judging the timing is the tests' business."""
import re


class Vcd:
    """A parsed VCD file: signals by name (scope ignored), their changes [(t, value)], the
    timescale in ns, the header's keywords."""

    def __init__(self, text):
        self.text = text
        self.ids = {}       # identifier code -> name
        self.widths = {}
        self.changes = {}   # name -> [(t_ns, value)], value '0' '1' 'x' 'z' or 'b...' or float
        self.timescale_ns = None
        self.end_ns = None
        self.stamps = []    # every time stamp, in file order (ns)
        tokens = text.split()
        i = 0
        t = None
        while i < len(tokens):
            tok = tokens[i]
            if tok == "$var":
                j = tokens.index("$end", i)
                kind, width, code, name = tokens[i + 1:i + 5]
                self.ids[code] = name
                self.widths[name] = 0 if kind == "real" else int(width)
                self.changes[name] = []
                i = j + 1
            elif tok == "$timescale":
                j = tokens.index("$end", i)
                spec = "".join(tokens[i + 1:j])
                m = re.fullmatch(r"(1|10|100)(s|ms|us|ns|ps|fs)", spec)
                assert m, spec
                unit = {"s": 1e9, "ms": 1e6, "us": 1e3, "ns": 1, "ps": 1e-3, "fs": 1e-6}[m.group(2)]
                self.timescale_ns = int(m.group(1)) * unit
                i = j + 1
            elif tok in ("$date", "$version", "$comment", "$scope", "$upscope", "$enddefinitions"):
                i = tokens.index("$end", i) + 1
            elif tok in ("$dumpvars", "$end", "$dumpall", "$dumpon", "$dumpoff"):
                i += 1
            elif tok.startswith("#"):
                t = int(tok[1:]) * self.timescale_ns
                self.end_ns = t
                self.stamps.append(t)
                i += 1
            elif tok[0] in "bBrR":
                code = tokens[i + 1]
                v = float(tok[1:]) if tok[0] in "rR" else "b" + tok[1:]
                self.changes[self.ids[code]].append((t, v))
                i += 2
            else:
                self.changes[self.ids[tok[1:]]].append((t, tok[0]))
                i += 1

    def edges(self, name):
        """[(t_ns, level)] of a 1-bit signal's changes after its initial value (a value written
        again unchanged, as when a dump resumes after a reset, is not an edge)."""
        out, last = [], self.changes[name][0][1]
        for t, v in self.changes[name][1:]:
            if v != last:
                out.append((t, v))
            last = v
        return out

    def initial(self, name):
        return self.changes[name][0][1]


def read_vcd(path):
    with open(path) as f:
        return Vcd(f.read())


def changes01(path, name):
    """[(time ns, 0 or 1)] of the 1-bit signal `name` in the VCD file, initial value included
    ('x' and 'z' left out)."""
    return [(t, int(v)) for t, v in read_vcd(path).changes[name] if v in ("0", "1")]


def rises_or_falls(path, name, level):
    """Times at which the signal went to `level` (after the initial value)."""
    ch = changes01(path, name)
    return [t for (t, v), (_, pv) in zip(ch[1:], ch) if v == level and pv != level]


def level_at(changes, t):
    """The level at time t (changes at t included) from changes01's list."""
    lo, hi = 0, len(changes)
    while lo < hi:  # the first change after t
        mid = (lo + hi) // 2
        if changes[mid][0] <= t:
            lo = mid + 1
        else:
            hi = mid
    return changes[lo - 1][1] if lo > 0 else None
