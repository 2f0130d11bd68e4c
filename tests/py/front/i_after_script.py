# command: -q -i _i_script.py
# stdin: _i_after_script.txt
# -i: the prompt after the script sees its globals.
