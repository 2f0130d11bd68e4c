class Base(Exception): pass
class Child(Base): pass

for exc in (Child, Base, ValueError):
    try:
        raise exc("x")
    except Child:
        print("child handler", exc.__name__)
    except Base:
        print("base handler", exc.__name__)
    except (TypeError, ValueError) as e:
        print("tuple handler", type(e).__name__)
