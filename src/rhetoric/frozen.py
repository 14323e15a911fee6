"""Frozen dataclass instances built without their per-field checks.

A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``: about
1.2 µs for a result of eight fields, against 0.6 µs for :func:`build`. The measures build
thousands of small results per article (quotes, terms, sentences, mentions), so they
fill the new instance's ``__dict__`` in one step instead: the same fields, in the same
order, equal to what the constructor gives (``tests/test_frozen.py`` compares them).
Only classes without
``__post_init__``, ``__slots__``, default factories or fields outside ``__init__`` are
accepted, since those would be skipped or break.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from typing import Any, TypeVar

__all__ = ["build", "replaced"]

T = TypeVar("T")


@cache
def _template(cls: type) -> tuple[tuple[str, ...], dict[str, Any], frozenset[str]]:
    """The field names of ``cls`` in order, a dict of them to their defaults
    (``dataclasses.MISSING`` for a field without one) and the names without a default;
    refuses a class that cannot be built so."""
    if not dataclasses.is_dataclass(cls) or "__slots__" in vars(cls):
        raise TypeError(f"{cls.__name__} is not a dataclass with a __dict__")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} has a __post_init__, which build() would skip")
    fields = dataclasses.fields(cls)
    if any(f.default_factory is not dataclasses.MISSING for f in fields):
        raise TypeError(f"{cls.__name__} has a default factory, which build() would skip")
    if not all(f.init for f in fields):
        raise TypeError(f"{cls.__name__} has a field outside __init__, which build() would skip")
    required = frozenset(f.name for f in fields if f.default is dataclasses.MISSING)
    return tuple(f.name for f in fields), {f.name: f.default for f in fields}, required


def build(cls: type[T], /, *values: Any, **fields: Any) -> T:
    """``cls(*values)`` or ``cls(**fields)`` for a dataclass (frozen or not) without
    ``__post_init__``: every field's value positionally, in field order, or by keyword,
    the others taking their defaults. Raises ``TypeError`` where the constructor would
    for a missing or unknown field."""
    names, template, required = _template(cls)
    obj = object.__new__(cls)
    d = obj.__dict__
    if values:
        if len(values) != len(names) or fields:
            raise TypeError(f"build({cls.__name__}) takes all {len(names)} fields by position")
        d.update(zip(names, values, strict=True))
        return obj
    if tuple(fields) == names:  # every field by keyword, in field order: the common case
        d.update(fields)
        return obj
    d.update(template, **fields)
    if len(d) != len(names):
        unknown = sorted(set(d) - set(names))
        raise TypeError(f"{cls.__name__} has no field {', '.join(unknown)}")
    if not required <= fields.keys():
        raise TypeError(f"{cls.__name__} needs {', '.join(sorted(required - fields.keys()))}")
    return obj


def replaced(obj: T, /, **changes: Any) -> T:
    """``dataclasses.replace(obj, **changes)`` for an instance :func:`build` could make
    (its ``__dict__`` holds every field): a new instance with ``obj``'s fields, updated."""
    names = _template(type(obj))[0]
    new = object.__new__(type(obj))
    d = new.__dict__
    d.update(vars(obj), **changes)
    if len(d) != len(names):
        raise TypeError(
            f"{type(obj).__name__} has no field {', '.join(sorted(set(d) - set(names)))}"
        )
    return new
