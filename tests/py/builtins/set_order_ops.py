# Sets iterate in CPython's order after any sequence of set methods,
# operators and dict-view operators (CPython's growth, dummy reuse and
# sweeping, and each operation's own algorithm).
import random
random.seed(2)
def rs():
    return set(random.sample(range(-20, 300), random.randint(0, 25)))
names = ['update', 'difference_update', 'symmetric_difference_update', 'intersection_update', 'ior', 'isub', 'ixor', 'iand', 'union', 'difference', 'symmetric_difference', 'intersection', 'or', 'sub', 'xor', 'and', 'add', 'discard', 'pop', 'update_list', 'dsu_list', 'sdu_list', 'keys_or', 'keys_sub', 'keys_xor', 'keys_and', 'copy']
stats = {}
for k in range(250):
    s = rs()
    trace = []
    for step in range(random.randint(1, 5)):
        o = rs()
        m = random.choice(names)
        trace.append(m)
        if m == 'update': s.update(o)
        elif m == 'difference_update': s.difference_update(o)
        elif m == 'symmetric_difference_update': s.symmetric_difference_update(o)
        elif m == 'intersection_update': s.intersection_update(o)
        elif m == 'ior': s |= o
        elif m == 'isub': s -= o
        elif m == 'ixor': s ^= o
        elif m == 'iand': s &= o
        elif m == 'union': s = s.union(o)
        elif m == 'difference': s = s.difference(o)
        elif m == 'symmetric_difference': s = s.symmetric_difference(o)
        elif m == 'intersection': s = s.intersection(o)
        elif m == 'or': s = s | o
        elif m == 'sub': s = s - o
        elif m == 'xor': s = s ^ o
        elif m == 'and': s = s & o
        elif m == 'add': s.add(random.randint(-20, 300))
        elif m == 'discard': s.discard(random.randint(-20, 300))
        elif m == 'pop':
            if s: s.pop()
        elif m == 'update_list': s.update(list(o))
        elif m == 'dsu_list': s.difference_update(list(o))
        elif m == 'sdu_list': s.symmetric_difference_update(list(o))
        elif m == 'keys_or': s = dict.fromkeys(s).keys() | o
        elif m == 'keys_sub': s = dict.fromkeys(s).keys() - o
        elif m == 'keys_xor': s = dict.fromkeys(s).keys() ^ o
        elif m == 'keys_and': s = dict.fromkeys(s).keys() & o
        elif m == 'copy': s = s.copy()
    print(k, trace, list(s))
