from _importable import absent
