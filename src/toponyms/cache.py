"""The disk cache of derived data: what is slow to build (the gazetteer's packed rows, the name
index, the common-word hashes) is kept in the user's cache directory, under a name that carries
the digest of everything it was built from, so a cache file is never stale.

It holds no matching logic; callers say what to build and under which name.
"""

from __future__ import annotations

import gc
import os
import pickle
import threading
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TypeVar

__all__ = ["cache_dir", "cached"]

_T = TypeVar("_T")


def cache_dir() -> Path | None:
    """Where derived data is cached; None when TOPONYMS_CACHE_DIR is set empty (no cache)."""
    if "TOPONYMS_CACHE_DIR" in os.environ:
        configured = os.environ["TOPONYMS_CACHE_DIR"]
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA")
    return (Path(base) if base else Path.home() / ".cache") / "toponyms"


def cached(name: str, build: Callable[[], _T], kind: type[_T]) -> _T:
    """``build()``, through a pickle in the cache directory under ``name``.

    Callers put a content digest in ``name``, so a cache file can never be stale. A cache
    that cannot be read or written (read-only home, another Python) is rebuilt or skipped.
    """
    directory = cache_dir()
    if directory is None:
        return build()
    path = directory / name
    try:
        with path.open("rb") as f:
            value = _load_pickle(f)
        if isinstance(value, kind):
            return value
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        pass
    value = build()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        # Caches of older data or code can never be read again: remove them.
        for old in directory.glob(name.split("-", 1)[0] + "-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass
    return value


def _load_pickle(f: BinaryIO) -> object:
    """Unpickle with the cyclic garbage collector paused: loading creates hundreds of thousands
    of objects and none of them cycles, so its passes would only cost time (a third of it)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.load(f)
    finally:
        if enabled:
            gc.enable()
