# command: -q -i
# stdin: _repl_seed_refcount.txt
# The seeds' interactive sessions: getrefcount echoed at the prompt.
