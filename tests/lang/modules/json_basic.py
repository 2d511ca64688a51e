# json: dumps/loads round trips, separators, nesting, unicode escapes, errors.
import json

for v in [0, -5, 2**70, "s", "a\"b\\c\n\t", True, False, None, [], {}, [1, [2, [3]]], {"a": 1, "b": [True, None]}, (1, 2)]:
    s = json.dumps(v)
    print(s, json.loads(s))
print(json.dumps({"a": 1, "b": 2}, separators=(",", ":")))
print(json.dumps([1, 2], separators=(";", "=")))
print(json.loads('  {"x" : [1, 2, {"y": "z"}], "n": null, "t": true, "f": false}  '))
print(json.loads('"\\u0041\\u00e9\\n\\/"'), json.loads("-0"), json.loads("123456789012345678901234567890"))
print(json.loads(b'[1, "two"]'))
print(json.loads('"\\ud83d\\ude00"') == "\U0001F600")
for bad in ["", "[", "[1,]", "{1: 2}", '{"a" 1}', "tru", "01", "1.5", "1e3", '"abc', "[1 2]", "{} x", "-", '"\\x"']:
    try:
        json.loads(bad)
        print("no error", bad)
    except ValueError:
        print("ValueError", repr(bad))
try:
    json.dumps({1, 2})
except TypeError:
    print("TypeError")
import io
buf = io.StringIO()
json.dump({"k": [1, 2]}, buf)
print(buf.getvalue())
print(json.load(io.StringIO('{"r": 5}')))
