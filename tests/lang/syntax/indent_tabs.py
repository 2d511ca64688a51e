if 1:
	x = 1
	if x:
		print('tab', x)
	print('back')
if 1:
        print('8 spaces')
def f():
  return 2
print(f())
class C:
   def m(self):
         return 3
print(C().m())
