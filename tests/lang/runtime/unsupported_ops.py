cases = [lambda: 1 + "a", lambda: "a" - "b", lambda: [] - [], lambda: None + 1, lambda: {} < {}, lambda: -"s", lambda: ~[]]
for c in cases:
    try:
        c()
        print("no error")
    except TypeError as e:
        print("TypeError", e)
