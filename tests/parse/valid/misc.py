# -*- coding: utf-8 -*-
# Comments, blank lines, indentation with tabs, unicode identifiers.


def f(x):
	if x:
		return 1   # tab-indented
	return 2

def g():
    # comment only line
        # indented comment

    return 3

class Café:
    π = 3.14159
    def ñ(self): return self.π

données = [1, 2, 3]
x = [
    1,
  2,
        3,
]
x = {
    'a': 1,
    # comment in a dict
    'b': 2,
}
if True:
    pass
    # trailing comment

x = 1  # trailing comment
y = (1 +  # comment inside parens
     2)
z = [  # opener comment
]
def h(): pass; pass
async_ = 1
match = 1
case = 2
_ = 3
print(match, case, _)
match(x)
