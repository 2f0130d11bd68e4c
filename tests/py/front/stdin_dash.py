# command: -
# stdin: _stdin_program.txt
