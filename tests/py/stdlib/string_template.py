# string.Template: substitute/safe_substitute with mappings and keywords,
# invalid placeholders' positions, identifiers, subclasses changing the
# delimiter or the identifier pattern; re's (?a:...) groups.
from string import Template
t = Template("$who likes ${what}; $$5 costs $$")
print(t.substitute(who="tim", what="kung pao"), t.substitute({"who": "a", "what": "b"}, what="c"))
print(Template("$who $missing").safe_substitute(who="x"), Template("$who $").safe_substitute(who=1))
for bad in ("$", "ok\\n  $3"):
    try:
        Template(bad).substitute()
    except ValueError as e:
        print(e)
try:
    Template("$nope").substitute()
except KeyError as e:
    print("KeyError", e)
print(t.get_identifiers(), t.is_valid(), Template("$1").is_valid())
class Percent(Template):
    delimiter = "%"
print(Percent("%x and %%").substitute(x=3))
class Dotted(Template):
    idpattern = r"[a-z]+(?:\.[a-z]+)*"
print(Dotted("$a.b!").substitute({"a.b": "AB"}))
print(Template.pattern.groupindex["named"] > 0, Template("$x").template)
