# re: many pattern/string pairs; search, match and fullmatch results with groups and spans.
import re

CASES = [
    ("a", "a"), ("a", "b"), ("a", "ba"), ("abc", "xabcx"), ("a.c", "abc"), ("a.c", "a\nc"),
    ("a*", ""), ("a*", "aaa"), ("a*", "baaa"), ("a+", "baaa"), ("a+", "bbb"), ("a?", "a"),
    ("a?b", "ab"), ("a?b", "b"), ("ab*c", "ac"), ("ab*c", "abbbc"), ("ab+c", "ac"), ("ab+c", "abc"),
    ("a{2}", "aaa"), ("a{2,}", "aaaa"), ("a{,2}", "aaaa"), ("a{1,3}", "aaaa"), ("a{1,3}?", "aaaa"),
    ("a{0}", "a"), ("x{2,3}y", "xxxxy"), ("a|b", "b"), ("a|b|c", "c"), ("ab|cd", "xcd"),
    ("(a|ab)(c|bcd)(d*)", "abcd"), ("(a)(b)(c)", "abc"), ("(a)|(b)", "b"), ("(a(b(c)))", "abc"),
    ("(?:ab)+", "ababab"), ("(?:a|b)*c", "abbac"), ("(a|b)*", "ab"),
    ("(a+|b+)*c", "aabbc"), ("^abc", "abc"), ("^abc", "xabc"), ("abc$", "abc"), ("abc$", "abcx"),
    ("abc$", "abc\n"), ("^$", ""), ("^", "x"), ("$", "x"), ("\\d+", "ab123cd"), ("\\D+", "123abc456"),
    ("\\w+", "  hello_1 "), ("\\W+", "ab  ,cd"), ("\\s+", "a \t\nb"), ("\\S+", "  xy  "),
    ("\\bfoo\\b", "a foo b"), ("\\bfoo\\b", "afoob"), ("\\Bfoo", "afoo"), ("\\Bfoo", "foo"),
    ("[abc]+", "xxcabz"), ("[^abc]+", "abcxyzabc"), ("[a-z]+", "ABCdefGHI"), ("[A-Za-z0-9_]+", "--a_9Z--"),
    ("[0-9a-f]+", "zz0fa9g"), ("[\\d]+", "ab12"), ("[\\w.]+", "a.b c"), ("[\\s,]+", "a, b"),
    ("[-a]+", "-a-b"), ("[a-]+", "a-a"), ("[]a]+", "]a]b"), ("[^]a]+", "]x]"), ("[.]", "a.b"),
    ("\\.", "a.b"), ("\\*", "a*b"), ("\\(\\)", "f()"), ("a\\+", "a+"), ("\\\\", "a\\b"),
    ("\\x41", "xA"), ("\\t", "a\tb"), ("\\n", "a\nb"), ("(\\d+)-(\\d+)", "tel 12-345"),
    ("(\\w+)@(\\w+)\\.com", "mail joe@site.com now"), ("([a-z]+)([0-9]+)", "abc123"),
    ("(.*)(\\d+)", "abc123"), ("(.*?)(\\d+)", "abc123"), ("(.+?)b", "aaab"), ("a.*b", "axxbxxb"),
    ("a.*?b", "axxbxxb"), ("<.*>", "<a><b>"), ("<.*?>", "<a><b>"), ("(ab)*c", "ababc"),
    ("(ab)*?c", "ababc"), ("x*", "xxxyx"), ("x*?", "xxx"), ("(x|xy)z", "xyz"), ("(xy|x)z", "xyz"),
    ("a(?:b|c)d", "acd"), ("(a|)b", "b"), ("(|a)b", "ab"), ("()", "x"), ("(a?)(a?)(a?)b", "ab"),
    ("(a?){3}b", "ab"), ("((a)|b)+", "ab"), ("(a)?b", "b"), ("(a)*b", "aab"), ("\\d{3}-\\d{4}", "555-1234"),
    ("[+-]?\\d+", "x -42 y"), ("0x[0-9a-fA-F]+", "val 0xFF"), ("\\w+\\s\\w+", "hello world"),
    ("(\\w)(\\w)?", "a"), ("(\\w+)\\s*=\\s*(\\w+)", "key = value"), ("^\\s*#", "   # comment"),
    ("^(\\d+)$", "12345"), ("^(\\d+)$", "123a"), ("a|", "b"), ("|a", "a"), ("é", "café"),
    ("caf.", "café!"), ("[é]", "é"), ("[à-ü]+", "xàéüy"), ("\\w+", "naïve"), ("(.)", "日本"),
    ("ab{0,}c", "ac"), ("ab{1,}c", "abbc"), ("a{3,5}", "aaaaaaa"), ("a{3,5}?", "aaaaaaa"),
    ("(a{2})+", "aaaaa"), ("(?:a{2})*", "aaaaa"), ("[a-c]{2,3}d", "abcd"), ("[^ ]+ [^ ]+", "one two three"),
    ("a\\sb", "a b"), ("a\\Sb", "axb"), ("\\d*\\.?", "12."), ("x{", "x{"), ("x{a}", "x{a}"),
    ("x{1,a}", "x{1,a}"), ("{", "{"), ("a}", "a}"), ("(a|b|c|d|e)+f", "abcdef"), ("((ab)+|c)d", "ababd"),
    ("(a(b)?)+", "aba"), ("^(a+)+$", "aaaa"), ("(.*)-(.*)", "a-b-c"), ("(.*?)-(.*)", "a-b-c"),
    ("[a-z]*\\d", "abc"), ("$^", ""), ("a$|b", "xb"), ("\\Aab", "ab"), ("ab\\Z", "ab"), ("ab\\Z", "ab\n"),
    ("(\\d+)(?:px|em)", "w: 12em"), ("[^\\d\\s]+", "12 ab 34"), ("(a|b)(c|d)?e", "ae"), ("\\w+?\\d", "abc1"),
    ("(x)(y)?(z)", "xz"), ("[\\x41-\\x43]+", "zABCD"),
]


def show(m):
    if m is None:
        return "None"
    return "%s %s %s" % (m.group(0), m.span(), m.groups())


for i, (p, s) in enumerate(CASES):
    r = re.compile(p)
    print(i, repr(p), repr(s), "|", show(r.search(s)), "|", show(r.match(s)), "|", show(re.fullmatch(p, s)))
