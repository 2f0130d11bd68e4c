# command: -c "import sys; print(sys.argv); print(__name__); print([x * 2 for x in range(3)])"
