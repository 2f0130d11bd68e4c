from typing import Any, Dict, List, Optional, Tuple, Union, Callable, TypeVar, cast

Vector = List[float]
Table = Dict[str, List[int]]
print(Vector, Table, Optional[int], Tuple[int, str], Any, List)
T = TypeVar("T")
print(T)

def scale(v: Vector, k: float) -> Vector:
    return [x * k for x in v]

def first(items: List[T]) -> Optional[T]:
    return items[0] if items else None

print(scale([1.0, 2.0], 2), first([3, 4]), first([]), cast(int, "not checked"))
handler: Callable = print
handler("called through an annotated name")
