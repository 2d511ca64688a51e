print('abc'.isascii(), 'é'.isascii(), ''.isascii())
print('Hello World'.istitle(), 'Hello world'.istitle(), 'HELLO'.istitle(), ''.istitle(), 'A1 B2'.istitle())
print('abc'.isidentifier(), '_x1'.isidentifier(), '1x'.isidentifier(), ''.isidentifier(), 'a-b'.isidentifier())
print('abc'.isprintable(), 'a\nb'.isprintable(), ''.isprintable())
print('123'.isdecimal(), '12a'.isnumeric(), 'ABC'.casefold())
print(repr('a\tb\tc'.expandtabs()), repr('ab\tc'.expandtabs(4)), repr('\t'.expandtabs(0)), repr('x\n\ty'.expandtabs(2)))
c = bytearray(b'ab')
d = c
c *= 3
print(c, d is c)
print(b'Ab Cd'.istitle(), b'abc'.isascii(), b'a\tb'.expandtabs(2))
