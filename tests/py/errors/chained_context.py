try:
    {}["k"]
except KeyError:
    print(undefined_name)
