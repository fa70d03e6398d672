"""Views worked out once per version of the store.

Building the meeting network reads every meeting with its evidence (about 30 s on a million
quads) and betweenness over it takes longer, while the graph endpoints ask the same questions
again and again. A store whose writes all go through one `GraphStore` object knows its version
(`GraphStore.version`, the count of writes begun); a view computed at one version is reused until
the next write. A store that cannot say (a SPARQL server others write to) is never cached."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from threading import Lock
from typing import TypeVar

from kg.store import GraphStore

T = TypeVar("T")

SIZE = 16
"""Views kept (all store versions together); the least recently used goes first."""

_views: OrderedDict[Hashable, object] = OrderedDict()
_lock = Lock()


def cached(store: GraphStore, key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()` for `key` at the store's current version, computed at most once per version
    (two requests missing at once may both compute; the result is the same). The value is
    shared: callers must not change it."""
    version = store.version
    if version is None:
        return compute()
    full_key = (id(store), version, key)
    with _lock:
        if full_key in _views:
            _views.move_to_end(full_key)
            # Stored by a `compute` for the same key, so of the type this one returns.
            return _views[full_key]  # type: ignore[return-value]
    value = compute()
    if store.version == version:  # nothing was written meanwhile
        with _lock:
            _views[full_key] = value
            while len(_views) > SIZE:
                _views.popitem(last=False)
    return value


def clear() -> None:
    """Forget every cached view."""
    with _lock:
        _views.clear()
