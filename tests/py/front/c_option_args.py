# command: -c "import sys; print(sys.argv[1:])" first --flag "two words"
