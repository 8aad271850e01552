"""The exceptions toponyms raises: one small hierarchy under ToponymsError.

Each also subclasses the built-in it refines, so ``except ValueError`` keeps working.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["GazetteerError", "OptionError", "SchemeError", "ToponymsError", "UnknownUnitError"]


class ToponymsError(Exception):
    """Base class of every error raised by toponyms."""


class GazetteerError(ToponymsError, ValueError):
    """A gazetteer file is malformed; ``path`` and ``line`` say where."""

    def __init__(self, path: str | Path, line: int | None, problem: str) -> None:
        self.path = str(path)
        self.line = line
        self.problem = problem
        where = f"{self.path}, line {line}" if line is not None else self.path
        super().__init__(f"{where}: {problem}")

    def __reduce__(self) -> tuple[type[GazetteerError], tuple[str, int | None, str]]:
        return (GazetteerError, (self.path, self.line, self.problem))


class SchemeError(ToponymsError, ValueError):
    """An unknown transliteration scheme, or a scheme file that breaks the format."""


class OptionError(ToponymsError, ValueError):
    """An option a lookup cannot use: an unknown ``kind`` or ``country``, a negative ``limit``.

    ``option`` names the keyword and ``value`` is what was passed.
    """

    def __init__(self, option: str, value: object, problem: str) -> None:
        self.option = option
        self.value = value
        self.problem = problem
        super().__init__(f"{option}={value!r}: {problem}")

    def __reduce__(self) -> tuple[type[OptionError], tuple[str, object, str]]:
        return (OptionError, (self.option, self.value, self.problem))


class UnknownUnitError(ToponymsError, LookupError):
    """``within=`` names no unit of the gazetteer (an oblast, raion, hromada, entity or place id).

    ``value`` is what was passed.
    """

    def __init__(self, value: str) -> None:
        self.value = value
        super().__init__(f"within={value!r} names no unit of the gazetteer")

    def __reduce__(self) -> tuple[type[UnknownUnitError], tuple[str]]:
        return (UnknownUnitError, (self.value,))
