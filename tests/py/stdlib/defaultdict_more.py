# defaultdict: a factory whose repr shows the dict again prints '...'
# there; | and |= keep the class and the factory on either side.
from collections import defaultdict
class sub(defaultdict):
    def __init__(self):
        self.default_factory = self._factory
    def _factory(self):
        return []
d = sub()
import re
print(re.sub(r" at 0x[0-9a-f]+", "", repr(d)))
dd = defaultdict(list, a=1)
u = dd | {"b": 2}; r = {"c": 3} | dd
print(type(u).__name__, u, type(r).__name__, r, r.default_factory)
dd |= {"z": 0}; print(dd)
print(dd.__or__(5), defaultdict(None))
