# command: -m _m_module alpha beta
# -m runs a module as __main__, with sys.argv[0] its full path.
