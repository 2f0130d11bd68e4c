class D:
    def __del__(self):
        raise KeyError("from __del__")

d = D()
print("end of script")
del d
