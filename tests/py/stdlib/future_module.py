# The __future__ module: features as _Feature records, the compiler's flags,
# and future imports in exec'd code (braces still refused).
from __future__ import generator_stop, annotations
import __future__
print(generator_stop, annotations.getMandatoryRelease(), __future__.division.getOptionalRelease())
print(len(__future__.all_feature_names), __future__.CO_FUTURE_ANNOTATIONS)
ns = {}
exec("from __future__ import generator_stop\ndef f():\n    yield 1\n", ns)
print(list(ns["f"]()))
try:
    exec("from __future__ import braces")
except SyntaxError as e:
    print(e.msg)
