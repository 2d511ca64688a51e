# re: compiling, searching, substituting and splitting over generated log lines.
import re

lines = ["2026-11-%02d host%d GET /path/%d?q=%d 200 %d" % (i % 28 + 1, i % 5, i, i * 7, i * 13) for i in range(400)]
pat = re.compile(r"(\d+)-(\d+)-(\d+) (\w+) (GET|POST) (\S+) (\d{3}) (\d+)")
total = 0
for _ in range(150):
    for line in lines:
        m = pat.match(line)
        total += int(m.group(8)) + len(m.group(6))
        total += len(re.sub(r"\d", "#", line))
        total += len(re.split(r"[/?=]", line))
print(total)
