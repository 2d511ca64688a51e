# A tokenizer state machine and a recursive-descent calculator over integers.
def tokenize(s):
    tokens, i = [], 0
    while i < len(s):
        c = s[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(s) and s[j].isdigit():
                j += 1
            tokens.append(("num", int(s[i:j])))
            i = j
        elif c in "+-*/()%":
            tokens.append(("op", c))
            i += 1
        else:
            raise SyntaxError("bad char %r at %d" % (c, i))
    return tokens


class Parser:
    def __init__(self, tokens):
        self.t = tokens
        self.i = 0

    def peek(self):
        return self.t[self.i] if self.i < len(self.t) else (None, None)

    def take(self):
        tok = self.peek()
        self.i += 1
        return tok

    def expr(self):
        v = self.term()
        while self.peek()[1] in ("+", "-"):
            op = self.take()[1]
            r = self.term()
            v = v + r if op == "+" else v - r
        return v

    def term(self):
        v = self.factor()
        while self.peek()[1] in ("*", "/", "%"):
            op = self.take()[1]
            r = self.factor()
            if op == "*":
                v *= r
            elif op == "/":
                v //= r
            else:
                v %= r
        return v

    def factor(self):
        kind, val = self.take()
        if kind == "num":
            return val
        if val == "(":
            v = self.expr()
            if self.take()[1] != ")":
                raise SyntaxError("expected )")
            return v
        if val == "-":
            return -self.factor()
        raise SyntaxError("unexpected %r" % (val,))


for src in ["1 + 2 * 3", "(1 + 2) * 3", "100 / 7 % 4", "-(2 + 3) * -4", "2 * (3 + (4 - 1)) * 5", "7 +", "3 $ 4", "12345678901234567890 * 98765432109876543210"]:
    try:
        print(src, "=", Parser(tokenize(src)).expr())
    except SyntaxError as e:
        print(src, "error:", e)
    except ZeroDivisionError:
        print(src, "div by zero")
