# command: -q -i
# stdin: _repl_echo.txt
# The prompt echoes expression values with repr, as the seeds' >>> sessions
# show; prompts go to stderr.
