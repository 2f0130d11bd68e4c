# command: -q -i
# stdin: _repl_seed_is.txt
# At the prompt each line is its own code unit: two equal long strings are
# two objects, as seed 001 says (in one script they are one constant).
