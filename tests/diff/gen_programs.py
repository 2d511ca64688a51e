#!/usr/bin/env python3
"""Generates random integer-only Python programs for differential testing (run_diff.py).

A program is deterministic for a given seed: it builds small and big ints (literals in every
base, values around the 2**62 / 2**63 / 2**64 boundaries), combines them with every integer
operator (+ - * // % ** pow(a,b,m) << >> & | ^ ~ unary - + abs divmod, comparisons), puts them in
lists, tuples and dicts, runs loops, ifs and small functions, and prints results via print(),
str(), repr(), hex(), bin(), oct(), int(text, base) and to_bytes/from_bytes round trips.
Operations that may raise (division by zero, negative shifts) run inside try/except that prints
the exception's type name. Values are clamped so nothing grows past a few thousand bits.

Usage: gen_programs.py SEED [> prog.py]"""
import random
import sys

BOUNDARIES = [0, 1, 2, 3, 7, 10, 255, 256, 2**31 - 1, 2**31, 2**32, 2**61, 2**62 - 1, 2**62,
              2**62 + 1, 2**63 - 1, 2**63, 2**63 + 1, 2**64 - 1, 2**64, 2**64 + 1, 2**127, 2**128 - 1,
              10**18, 10**19, 10**20, 10**38]

# int has no bit_length()/bit_count() in MicroPython (nor here): _bl and bin().count('1') are
# spellings both interpreters share
PRELUDE = '''def _bl(x):
    return len(bin(x).lstrip('-0b'))
def _c(x):
    # keep values bounded (sign-preserving)
    if _bl(x) > 1500:
        x = x >> (_bl(x) - 900)
    return x
'''


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.vars = []
        self.lines = []
        self.indent = 0
        self.nfun = 0
        self.funs = []  # (name, nargs)
        self.protected = set()  # while-loop counters: never assigned by random statements

    # ---- literals ----
    def literal(self):
        r = self.r
        k = r.random()
        if k < 0.3:
            v = r.randint(-20, 20)
        elif k < 0.55:
            v = r.choice(BOUNDARIES) + r.randint(-2, 2)
            if r.random() < 0.5:
                v = -v
        elif k < 0.8:
            v = r.getrandbits(r.randint(1, 300))
            if r.random() < 0.5:
                v = -v
        else:
            v = r.getrandbits(r.randint(1, 80))
            style = r.randint(0, 4)
            if style == 0:
                return hex(v)
            if style == 1:
                return bin(v) if v < 2**40 else hex(v).upper().replace("0X", "0x")
            if style == 2:
                return oct(v)
            if style == 3:
                s = str(v)
                # underscores between digit groups
                if len(s) > 3:
                    out = ""
                    for i, ch in enumerate(s):
                        out += ch
                        if i < len(s) - 1 and r.random() < 0.2:
                            out += "_"
                    return out
                return s
            return str(v)
        return str(v) if v >= 0 else "(%d)" % v

    def var(self):
        if not self.vars or self.r.random() < 0.15:
            return self.literal()
        return self.r.choice(self.vars)

    # ---- expressions ----
    def expr(self, depth=0):
        r = self.r
        if depth > 2 or r.random() < 0.3:
            return self.var()
        k = r.random()
        a = self.expr(depth + 1)
        if k < 0.45:
            op = r.choice(["+", "-", "*", "&", "|", "^", "+", "-", "*"])
            return "(%s %s %s)" % (a, op, self.expr(depth + 1))
        if k < 0.55:
            return "(%s%s)" % (r.choice(["-", "~", "+", "-"]), a)
        if k < 0.62:
            return "abs(%s)" % a
        if k < 0.7:
            return "(%s %s %d)" % (a, r.choice(["<<", ">>"]), r.randint(0, 130))
        if k < 0.76:
            base = r.choice(["(%s & 0xffffffffff)", "(%s %% 4294967296 - 2147483648)", "(%s %% 1000)"]) % a
            return "(%s ** %d)" % (base, r.randint(0, 9))
        if k < 0.82:
            return "min(%s, %s)" % (a, self.expr(depth + 1))
        if k < 0.88:
            return "max(%s, %s, %s)" % (a, self.expr(depth + 1), self.var())
        if k < 0.92:
            return "(%s if %s else %s)" % (a, self.cond(depth + 1), self.expr(depth + 1))
        if k < 0.96 and self.funs:
            name, n = r.choice(self.funs)
            return "%s(%s)" % (name, ", ".join(self.expr(depth + 1) for _ in range(n)))
        return "int(%s)" % r.choice(["str(%s)" % a, "hex(%s), 16" % a, "bin(%s), 0" % a,
                                     "oct(%s), 8" % a, "repr(%s)" % a])

    def cond(self, depth=0):
        r = self.r
        op = r.choice(["<", "<=", ">", ">=", "==", "!="])
        c = "%s %s %s" % (self.expr(depth + 1), op, self.expr(depth + 1))
        if r.random() < 0.2:
            c = "%s %s %s %s %s" % (self.var(), op, self.var(), r.choice(["<", "<="]), self.var())
        if r.random() < 0.15:
            c = "not (%s)" % c
        if r.random() < 0.15:
            c = "(%s) %s (%s)" % (c, r.choice(["and", "or"]), self.cond(depth + 2))
        return c

    # ---- statements ----
    def emit(self, s):
        self.lines.append("    " * self.indent + s)

    def new_var(self):
        name = "v%d" % len(self.vars)
        self.vars.append(name)
        return name

    def target(self):
        cands = [v for v in self.vars if v not in self.protected]
        if cands and self.r.random() < 0.7:
            return self.r.choice(cands)
        return self.new_var()

    def risky(self, stmt_lines):
        """stmt_lines may raise ZeroDivisionError/ValueError: guard it."""
        self.emit("try:")
        self.indent += 1
        for s in stmt_lines:
            self.emit(s)
        self.indent -= 1
        self.emit("except (ZeroDivisionError, ValueError) as e:")
        self.emit("    print('exc', type(e).__name__)")

    def stmt(self, depth=0):
        r = self.r
        k = r.random()
        if k < 0.25:
            t = self.target()
            self.emit("%s = _c(%s)" % (t, self.expr()))
        elif k < 0.37:
            t = self.target()
            op = r.choice(["//", "%", "//", "%"])
            self.risky(["%s = _c(%s %s %s)" % (t, self.expr(), op, self.expr())])
        elif k < 0.40:
            self.risky(["print(divmod(%s, %s))" % (self.expr(), self.expr())])
        elif k < 0.42:
            t = self.target()
            op = r.choice(["+=", "-=", "*=", "&=", "|=", "^=", "//=", "%=", "<<=", ">>="])
            rhs = self.expr(1)
            if op in ("<<=", ">>="):
                rhs = "(abs(%s) %% 100)" % rhs
            self.risky(["%s %s %s" % (t, op, rhs), "%s = _c(%s)" % (t, t)])
        elif k < 0.47:
            if r.random() < 0.2:
                self.risky(["print(pow(%s, -(abs(%s) %% 5) - 1, %s))" % (self.expr(), self.expr(), self.expr())])
            else:
                self.risky(["print(pow(%s, abs(%s) %% 200, %s))" % (self.expr(), self.expr(), self.expr())])
        elif k < 0.51:
            self.risky(["print(%s %s (%s))" % (self.expr(), r.choice(["<<", ">>"]),
                                                "%s %% 150 - 20" % self.var())])
        elif k < 0.62:
            e = self.expr()
            fmt = r.choice(["print(%s)", "print(repr(%s))", "print(hex(%s))", "print(bin((%s) & 0xffffffffffffffffffff))",
                            "print(oct(%s))", "print(str(%s), len(str(%s)))", "print(_bl(%s))",
                            "print(-(%s), abs(%s))", "print(%s == int(str(%s)))",
                            "print(bin(%s).count('1'), (%s) + True, (%s) & True, (%s) > False)",
                            "print('%d|%x|%o|%X|%5d|%-6d|' % (((%s),) * 6))",
                            "print('{:>50}|{:x}|{:#b}|{:+d}|{:08d}'.format(*((%s),) * 5))",
                            "print(f'{(%s)}|{(%s):#x}|{(%s):,}')"])
            self.emit(fmt.replace("%s", e))
        elif k < 0.66:
            e = self.expr()
            self.emit("_t = %s" % e)
            self.emit("_n = (_bl(_t) + 8) // 8")
            self.emit("_b = _t.to_bytes(_n, %r, signed=True)" % r.choice(["big", "little"]))
            self.emit("print(len(_b), int.from_bytes(_b, 'big', signed=True) == _t or "
                      "int.from_bytes(_b, 'little', signed=True) == _t)")
            self.emit("print(int.from_bytes(abs(_t).to_bytes(_n, 'big'), 'big'))")
        elif k < 0.72:
            n = r.randint(1, 6)
            self.emit("_l = [%s]" % ", ".join(self.expr(1) for _ in range(n)))
            self.emit("_l.sort()")
            self.emit("print(_l, sum(_l), min(_l), max(_l), len(_l))")
            self.emit("print(sorted(_l, reverse=True)[0] == max(_l), %s in _l)" % self.var())
            self.emit("_tp = tuple(_l)")
            self.emit("print(_tp[%d %% len(_tp)], _tp[-1], _tp < (%s,))" % (r.randint(0, 9), self.var()))
        elif k < 0.745:
            n = r.randint(1, 25)
            e = self.expr(1)
            form = r.choice([
                "print([(%s) * _i + _i ** 3 for _i in range(%d)][-3:])",
                "print(sum((%s) ^ (_i << 40) for _i in range(%d)))",
                "print(max((%s) %% (_i + 1) - _i for _i in range(%d)))",
                "print({_i: (%s) >> _i for _i in range(%d) if _i %% 3 == 0})",
                "print(sorted(set(((%s) * _i) %% 7 for _i in range(%d))))",
            ])
            self.emit(form % (e, n))
        elif k < 0.77:
            n = r.randint(1, 5)
            self.emit("_d = {}")
            for _ in range(n):
                self.emit("_d[%s] = %s" % (self.expr(1), self.expr(1)))
            self.emit("print(len(_d), sorted(_d.keys()), sorted(_d.values()))")
            self.emit("print(%s in _d, _d.get(%s, 'none'))" % (self.var(), self.var()))
        elif k < 0.83 and depth < 2:
            self.emit("if %s:" % self.cond())
            self.indent += 1
            for _ in range(r.randint(1, 3)):
                self.stmt(depth + 1)
            self.indent -= 1
            if r.random() < 0.5:
                self.emit("else:")
                self.indent += 1
                for _ in range(r.randint(1, 2)):
                    self.stmt(depth + 1)
                self.indent -= 1
        elif k < 0.89 and depth < 2:
            iv = "i%d" % depth
            self.emit("for %s in range(%d):" % (iv, r.randint(1, 12)))
            self.indent += 1
            self.vars.append(iv)
            for _ in range(r.randint(1, 3)):
                self.stmt(depth + 1)
            self.vars.remove(iv)
            self.indent -= 1
        elif k < 0.93 and depth < 2:
            c = self.new_var()
            self.protected.add(c)
            self.emit("%s = %d" % (c, r.randint(0, 5)))
            self.emit("while %s < %d:" % (c, r.randint(3, 15)))
            self.indent += 1
            self.emit("%s += 1" % c)
            for _ in range(r.randint(1, 2)):
                self.stmt(depth + 1)
            if r.random() < 0.3:
                self.emit("if %s:" % self.cond())
                self.emit("    break")
            self.indent -= 1
        else:
            self.emit("print(%s)" % ", ".join(self.expr() for _ in range(r.randint(1, 3))))

    def function(self):
        name = "f%d" % self.nfun
        self.nfun += 1
        n = self.r.randint(1, 3)
        params = ["p%d" % i for i in range(n)]
        saved = self.vars
        self.vars = list(params)
        self.emit("def %s(%s):" % (name, ", ".join(params)))
        self.indent += 1
        for _ in range(self.r.randint(0, 2)):
            e = self.expr()
            t = self.new_var()
            self.emit("%s = _c(%s)" % (t, e))
        if self.r.random() < 0.3:
            self.emit("if %s:" % self.cond())
            self.emit("    return _c(%s)" % self.expr())
        self.emit("return _c(%s)" % self.expr())
        self.indent -= 1
        self.vars = saved
        self.funs.append((name, n))

    def program(self):
        self.lines = PRELUDE.splitlines()
        for _ in range(self.r.randint(0, 2)):
            self.function()
        decl_at = len(self.lines)
        for _ in range(self.r.randint(2, 5)):
            v = self.new_var()
            self.emit("%s = %s" % (v, self.literal()))
        for _ in range(self.r.randint(5, 20)):
            self.stmt()
        self.emit("print(%s)" % ", ".join(self.vars[:8]))
        # every global variable exists from the start (some are first assigned in a branch)
        self.lines[decl_at:decl_at] = ["%s = 0" % v for v in self.vars]
        return "\n".join(self.lines) + "\n"


def generate(seed):
    return Gen(seed).program()


if __name__ == "__main__":
    sys.stdout.write(generate(int(sys.argv[1]) if len(sys.argv) > 1 else 0))
