"""The disk cache of derived data: what is slow to build (the gazetteer's packed rows, the name
index, the common-word hashes) is kept in the user's cache directory, under a name that carries
the digest of everything it was built from, so a cache file is never stale. A wheel build puts
the same files in the package (``toponyms/_built``, see setup.py), where they are read first: an
installed wheel builds nothing on first use.

Files hold plain data only (str, int, bytes, lists, tuples and dicts, in ``marshal``'s format),
which loading never turns into code: no pickle. Each caller gives the two functions that turn its
value into such data and back; the one that reads back checks what it gets. It holds no matching
logic; callers say what to build and under which name.
"""

from __future__ import annotations

import gc
import marshal
import os
import stat
import threading
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

__all__ = ["cache_dir", "cached", "expect"]

_T = TypeVar("_T")


def cache_dir() -> Path | None:
    """Where derived data is cached; None when TOPONYMS_CACHE_DIR is set empty (no cache) or no
    home directory can be found."""
    if "TOPONYMS_CACHE_DIR" in os.environ:
        configured = os.environ["TOPONYMS_CACHE_DIR"]
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA")
    if base:
        return Path(base) / "toponyms"
    try:
        return Path.home() / ".cache" / "toponyms"
    except RuntimeError:  # no home directory (a service account, a bare container)
        return None


# Where a wheel build puts the derived data (setup.py): read before the user's cache.
_BUILT = Path(__file__).with_name("_built")
# Cache files of other data or code versions (another installed toponyms) are removed only once
# unused this long, so two versions side by side do not delete each other's caches.
_STALE_SECONDS = 30 * 24 * 3600
_warned = False


def cached(
    name: str,
    build: Callable[[], _T],
    encode: Callable[[_T], object],
    decode: Callable[[object], _T],
    *,
    one_bytes: bool = False,
) -> _T:
    """``build()``, through a file of plain data in the cache directory under ``name``.

    ``encode`` turns the value into str, int, bytes, lists, tuples and dicts; ``decode`` turns
    them back and raises on anything it does not expect. Callers put a content digest in
    ``name``, so a cache file can never be stale. A file that cannot be read (corrupt,
    truncated, of another Python) is rebuilt; one that another user owns, or that others may
    write, is not read at all. A cache that cannot be written is skipped, with one warning per
    process (every process then rebuilds). ``one_bytes``: the value is one bytes object, which
    ``decode`` is then given as a memoryview over the file's contents: loading it costs one copy
    of it in memory, not two.
    """
    shipped = _BUILT / name
    try:
        if _not_writable_by_others(shipped):
            return decode(_load(shipped, one_bytes))
    except Exception:  # not built into this installation (an editable one), or damaged
        pass
    directory = cache_dir()
    if directory is None:
        return build()
    path = directory / name
    try:
        if _trusted(path):
            return decode(_load(path, one_bytes))
    except Exception:  # any damage to a cache file means: build it again
        pass
    value = build()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.write_bytes(marshal.dumps(cast(Any, encode(value)), 4))
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
        _remove_unused(directory, name, path)
    except (OSError, ValueError) as e:
        _warn_once(directory, e)
    return value


def _load(path: Path, one_bytes: bool = False) -> object:
    """Read a cache file with the cyclic garbage collector paused: loading creates hundreds of
    thousands of objects and none of them cycles, so its passes would only cost time. With
    ``one_bytes``, a file that holds one bytes object is read as a view of its contents
    (marshal writes one as its type code, a little-endian 4-byte length and the bytes)."""
    data = path.read_bytes()
    if (
        one_bytes
        and len(data) >= _BYTES_HEADER
        and data[0] & ~_MARSHAL_REF == ord("s")
        and int.from_bytes(data[1:_BYTES_HEADER], "little") == len(data) - _BYTES_HEADER
    ):
        return memoryview(data)[_BYTES_HEADER:]
    enabled = gc.isenabled()
    gc.disable()
    try:
        return marshal.loads(data)
    finally:
        if enabled:
            gc.enable()


_BYTES_HEADER = 5  # marshal's type code and length before a bytes object's contents
_MARSHAL_REF = 0x80  # the flag marshal may set on a type code


def expect(kind: type[_T]) -> Callable[[object], _T]:
    """A ``decode`` for a value stored as it is: it must be of ``kind``."""

    def decode(data: object) -> _T:
        if not isinstance(data, kind):
            raise TypeError(f"expected {kind.__name__}, found {type(data).__name__}")
        return data

    return decode


def _not_writable_by_others(path: Path) -> bool:
    """Whether no one but its owner may write ``path`` (which must exist): the data a wheel
    build put in the package is as trusted as the package's code, unless others may change it."""
    return not path.stat().st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _trusted(path: Path) -> bool:
    """Whether a cache file may be read: it exists, the current user owns it, and no one else
    may write it (where the platform says; a planted file in a shared directory is skipped)."""
    getuid = getattr(os, "getuid", None)
    if getuid is None:  # Windows: the per-user cache directory is the protection
        return path.exists()
    return path.stat().st_uid == getuid() and _not_writable_by_others(path)


def _remove_unused(directory: Path, name: str, keep: Path) -> None:
    now = time.time()
    stem, suffix = name.split("-", 1)[0], name.rsplit(".", 1)[-1]
    for old in directory.glob(f"{stem}-*.{suffix}"):
        if old != keep and now - old.stat().st_mtime > _STALE_SECONDS:
            old.unlink(missing_ok=True)


def _warn_once(directory: Path, error: Exception) -> None:
    global _warned
    if not _warned:
        _warned = True
        warnings.warn(
            f"toponyms: cannot write its cache in {directory} ({error}); "
            "every process rebuilds the index (seconds). Set TOPONYMS_CACHE_DIR to a writable "
            "directory.",
            RuntimeWarning,
            stacklevel=3,
        )
