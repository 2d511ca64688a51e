# json: dumps and loads of nested records, repeated.
import json

records = [{"id": i, "name": "item%d" % i, "tags": ["a", "b", str(i % 7)], "ok": i % 3 == 0, "parent": None,
            "dims": [i, i * 2, i * 3]} for i in range(300)]
total = 0
for _ in range(300):
    text = json.dumps(records)
    back = json.loads(text)
    total += len(text) + len(back) + back[-1]["dims"][2]
print(total)
