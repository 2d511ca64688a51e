tests = ['', 'abc', 'ABC', 'Abc', '123', 'abc123', ' \t\n', 'a b', 'é', 'É1', '_']
for t in tests:
    print(repr(t), t.isalpha(), t.isdigit(), t.isalnum(), t.isspace(), t.isupper(), t.islower())
