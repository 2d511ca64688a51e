print(format('abc'), format('abc', '5'), format('abc', '>5'), format('abc', '^7'), format('abc', '*<6'))
print(format('abcdef', '.3'), format('abcdef', '8.2'), format('abc', 's'), format('é', '^5'))
print(format('ab', '05'), format('x', 'é^5'))
print('{:10}|{:>10}|{:^10}|'.format('left', 'right', 'mid'))
