visible = 1
_invisible = 2
