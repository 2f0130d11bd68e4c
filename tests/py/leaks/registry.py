# rcpy-only: -X leaks is rcpy's own report
# rcpy-args: -X leaks
# sub: ^(?:(?:str|tuple|dict|code|function|getset_descriptor|type|weakref|wrapper_descriptor|builtin_function_or_method|method_descriptor|cell) [^\n]*\n)+ => ...\n
# sub: ^total .* => total
# sub: left \d+ objects alive \([+-]\d+ bytes\) of \d+ types => left N objects alive (B bytes) of T types
# sub: ^(Session|list) +\d+ +\+(\d+) +\d+ +\+\d+$ => \1 +\2
# Objects kept in a global registry are what the program left alive: the
# report names their type and, for the first ones, the chain from the
# module's globals.
class Session:
    def __init__(self, user):
        self.user = user


registry = {}


def login(user):
    registry[user] = Session(user)


for user in ('ann', 'bob'):
    login(user)
history = [registry['ann']]
print(len(registry))
