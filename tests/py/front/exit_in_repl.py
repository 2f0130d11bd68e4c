# command: -q -i
# stdin: _exit_in_repl.txt
