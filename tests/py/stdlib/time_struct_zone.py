# time.struct_time carries tm_zone and tm_gmtoff beyond its 9 items, takes
# 9 to 11 items (or a dict for the extra two), and pickles them along.
import time
g = time.gmtime(0); print(g.tm_zone, g.tm_gmtoff, g)
s = time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0)); print(s.tm_zone, s.tm_gmtoff)
s = time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0, 'X', 5)); print(s, s.tm_zone, s.tm_gmtoff, len(s))
s = time.struct_time(tuple(range(10))); print(s.tm_zone, s.tm_gmtoff)
s = time.struct_time(tuple(range(9)), {'tm_zone': 'Z', 'tm_gmtoff': 7}); print(s.tm_zone, s.tm_gmtoff)
print(time.struct_time.n_fields, time.struct_time.n_sequence_fields, time.struct_time.n_unnamed_fields)
for n in (8, 12):
    try: time.struct_time(tuple(range(n)))
    except TypeError as e: print(e)
print(g.__reduce__())
print(tuple(g) == (1970, 1, 1, 0, 0, 0, 3, 1, 0), g == (1970, 1, 1, 0, 0, 0, 3, 1, 0))
print(time.strftime("%Y-%m-%d", time.gmtime(86400 * 365)))
