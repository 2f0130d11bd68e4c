"""The demo package."""
from .core import core_value
PKG_NAME = "pkg_demo"
print("pkg_demo/__init__ runs")
