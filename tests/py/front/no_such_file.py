# command: _no_such_script.py
