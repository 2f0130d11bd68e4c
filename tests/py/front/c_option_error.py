# command: -c "x = = 1"
# A syntax error in -c code names "<string>".
