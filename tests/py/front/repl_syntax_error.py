# command: -q -i
# stdin: _repl_syntax_error.txt
