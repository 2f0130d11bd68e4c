import sys
print(__name__)
print(sys.argv[0].endswith("_m_module.py"), sys.argv[1:])
