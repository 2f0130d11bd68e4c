# command: -c "f = lambda: 1 / 0; print('before'); f()"
# Tracebacks of -c code name "<string>" and show no source line.
