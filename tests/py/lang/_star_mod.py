__all__ = ["public", "also"]
public = "public"
also = "also"
hidden = "not in __all__"
