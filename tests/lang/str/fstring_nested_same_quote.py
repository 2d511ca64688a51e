# Python 3.12 f-strings: replacement fields may hold strings (and f-strings) using the same quote.
x = 5
d = {"k": 7}
print(f"{x:>4}|{d["k"]}|{f"{x!r:{x}}"}|{"}"}|{x:{"<"}{x}}|{{lit}}")
print(f"a{f"b{f"c{f"d{x}e"}f"}g"}h", f'{'q'}', f"""{"""x"""}""")
print(f"{"a" + f"{"b"}"}", rf"{x}\n", f"{'"'}")
print(f"{ {'k': 'v'}['k'] }", f"{x if x else "none"}")
for src in ['f"{"', 'f"{x"', 'f"{"a}"']:
    try:
        eval(src)
    except SyntaxError:
        print('SyntaxError', src)
