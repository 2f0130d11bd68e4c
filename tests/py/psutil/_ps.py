"""psutil for the psutil tests: rcpy's own module, or on CPython Debian's
python3-psutil (5.9), found in dist-packages when the interpreter running
the test has no psutil of its own."""

import sys

try:
    import psutil
except ImportError:
    sys.path.append("/usr/lib/python3/dist-packages")
    import psutil
