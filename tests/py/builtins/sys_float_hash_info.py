# sys.float_info and sys.hash_info: struct sequences with CPython's values
# (IEEE binary64; numbers hashed modulo 2**61 - 1, str by SipHash-1-3).
import sys
print(sys.float_info)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info[6], len(sys.float_info))
print(sys.hash_info)
print(sys.hash_info.modulus == 2**61 - 1, hash(sys.hash_info.modulus), sys.hash_info.inf == hash(float("inf")))
print(tuple(sys.float_info)[:3], sys.float_info == tuple(sys.float_info))
