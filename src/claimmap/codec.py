"""Model dataclasses to and from their JSON form (the analysis contract's form: objects
for dataclasses, lists for tuples), used by the analysis JSON and the store alike. Each
class's fields and their decoders are worked out once per class, not on every value
(a generic walk cost more than the database reads and writes)."""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Callable
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

T = TypeVar("T")
Decoder = Callable[[Any], Any]

_PLAIN = frozenset({str, int, float, bool, type(None)})
_FIELDS: dict[type, tuple[str, ...]] = {}
_DECODERS: dict[type, tuple[tuple[str, Decoder], ...]] = {}


def to_data(obj: object) -> Any:
    """Objects for dataclasses, lists for tuples and lists, dicts with string keys."""
    kind = type(obj)
    if kind in _PLAIN:
        return obj
    names = _FIELDS.get(kind)
    if names is not None:
        return {name: to_data(getattr(obj, name)) for name in names}
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        _FIELDS[type(obj)] = tuple(f.name for f in dataclasses.fields(obj))
        return to_data(obj)
    if isinstance(obj, tuple | list):
        return [to_data(item) for item in obj]
    if isinstance(obj, dict):
        return {str(key): to_data(value) for key, value in obj.items()}
    return obj


def from_data(cls: type[T], data: Any) -> T:
    """Rebuild a model dataclass from :func:`to_data`'s output."""
    fields = _DECODERS.get(cls)
    if fields is None:
        fields = _DECODERS[cls] = _field_decoders(cls)
    return cls(**{name: decode(data[name]) for name, decode in fields if name in data})


def _field_decoders(cls: type) -> tuple[tuple[str, Decoder], ...]:
    names = {f.name for f in dataclasses.fields(cls)}
    return tuple(
        (name, _decoder(hint)) for name, hint in get_type_hints(cls).items() if name in names
    )


def _same(value: Any) -> Any:
    return value


def _decoder(hint: Any) -> Decoder:
    origin = get_origin(hint)
    if origin is Union or origin is types.UnionType:
        inner = _decoder(next(arg for arg in get_args(hint) if arg is not type(None)))
        return lambda value: None if value is None else inner(value)
    if origin is tuple:
        item = _decoder(get_args(hint)[0])
        return lambda value: tuple(item(v) for v in value)
    if origin is dict:
        return dict
    if origin is Literal:
        return _same
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        cls = hint
        return lambda value: from_data(cls, value)
    if hint is float:
        return lambda value: float(value) if isinstance(value, int) else value
    return _same
