def helper():
    return missing_name

helper()
