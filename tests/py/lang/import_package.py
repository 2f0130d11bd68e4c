import pkg_demo
print(pkg_demo.PKG_NAME, pkg_demo.core_value, pkg_demo.__doc__)
import pkg_demo.core
print(pkg_demo.core.helper())
from pkg_demo.sub import leaf
print(leaf.LEAF)
import pkg_demo.sub.leaf as L
print(L is leaf)
from pkg_demo import util
print(util.util_value)
import sys
print(sorted(k for k in sys.modules if k.startswith("pkg_demo")))
print(pkg_demo.sub.parent_core)
