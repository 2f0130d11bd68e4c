from .. import util
from . import parent_core
LEAF = "leaf:" + util.util_value + ":" + parent_core
