util_value = "util"
