core_value = "core"
def helper():
    from . import util
    return util.util_value
