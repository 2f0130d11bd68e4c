# command: --version
# The interpreter's name and version (normalised to "Python 3.11").
