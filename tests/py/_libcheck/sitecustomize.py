"""Loaded by CPython at start-up when run_test.py checks rcpy/lib's
modules on CPython (--pythonpath): PYTHONPATH lets those modules shadow
CPython's own written in Python, but not the ones compiled or frozen into
CPython (itertools, abc ...), which this file replaces in sys.modules by
rcpy's before the script runs."""

import os
import sys

_folder = os.environ.get("RCPY_LIB_SHADOW")
if _folder:
    import importlib.util

    for _file in sorted(os.listdir(_folder)):
        _name = _file[:-3]
        if not _file.endswith(".py"):
            continue
        _found = importlib.util.find_spec(_name)
        if _name in sys.builtin_module_names or \
                (_found is not None and _found.origin == "frozen"):
            _spec = importlib.util.spec_from_file_location(
                _name, os.path.join(_folder, _file))
            _module = importlib.util.module_from_spec(_spec)
            sys.modules[_name] = _module
            _spec.loader.exec_module(_module)
