import sys
sys.exit("fatal: a message goes to stderr")
