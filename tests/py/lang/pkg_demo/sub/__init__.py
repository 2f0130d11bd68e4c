from ..core import core_value as parent_core
