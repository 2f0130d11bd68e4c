# command: - one two
# stdin: _stdin_argv.txt
