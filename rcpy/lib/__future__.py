"""Run-time records for `from __future__ import ...` features in rcpy.

The compiler acts on the import itself; each name here is a _Feature
telling when the feature arrived, when it became the default, and which
compile() flag switches it on.
"""

# name | flag constant | flag value | optional release | mandatory release
_SPEC = """
nested_scopes     NESTED               0x0010    2.1.0.beta.1  2.2.0.alpha.0
generators        GENERATOR_ALLOWED    0         2.2.0.alpha.1 2.3.0.final.0
division          FUTURE_DIVISION      0x20000   2.2.0.alpha.2 3.0.0.alpha.0
absolute_import   FUTURE_ABSOLUTE_IMPORT 0x40000 2.5.0.alpha.1 3.0.0.alpha.0
with_statement    FUTURE_WITH_STATEMENT 0x80000  2.5.0.alpha.1 2.6.0.alpha.0
print_function    FUTURE_PRINT_FUNCTION 0x100000 2.6.0.alpha.2 3.0.0.alpha.0
unicode_literals  FUTURE_UNICODE_LITERALS 0x200000 2.6.0.alpha.2 3.0.0.alpha.0
barry_as_FLUFL    FUTURE_BARRY_AS_BDFL 0x400000  3.1.0.alpha.2 4.0.0.alpha.0
generator_stop    FUTURE_GENERATOR_STOP 0x800000 3.5.0.beta.1  3.7.0.alpha.0
annotations       FUTURE_ANNOTATIONS   0x1000000 3.7.0.beta.1  -
"""


class _Feature:
    """One optional language feature (see the module docstring)."""

    def __init__(self, optionalRelease, mandatoryRelease, compiler_flag):
        self.optional, self.mandatory = optionalRelease, mandatoryRelease
        self.compiler_flag = compiler_flag

    def getOptionalRelease(self):
        return self.optional

    def getMandatoryRelease(self):
        return self.mandatory

    def __repr__(self):
        state = (self.optional, self.mandatory, self.compiler_flag)
        return "_Feature" + repr(state)


def _release(text):
    if text == "-":
        return None
    major, minor, micro, level, serial = text.split(".")
    return (int(major), int(minor), int(micro), level, int(serial))


def _load(spec, into):
    names = []
    for row in spec.split("\n"):
        if not row.strip():
            continue
        name, const, value, opt, mand = row.split()
        flag = int(value, 0)
        into["CO_" + const] = flag
        into[name] = _Feature(_release(opt), _release(mand), flag)
        names.append(name)
    return names


all_feature_names = _load(_SPEC, globals())
__all__ = ["all_feature_names"] + all_feature_names
del _load, _release, _SPEC
