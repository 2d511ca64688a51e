s = 'Hello World 123 abc'
print(s.lower(), s.upper(), s.swapcase())
print('hello world'.capitalize(), 'HELLO'.capitalize(), ''.capitalize())
print('hello world'.title(), "they're bill's".title(), 'hello2world x_y'.title())
print('ÉCOLE'.lower(), 'école'.upper(), 'ÀÉÎõü'.swapcase())
