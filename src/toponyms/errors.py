"""The exceptions toponyms raises: one small hierarchy under ToponymsError.

Each also subclasses the built-in it refines, so ``except ValueError`` keeps working.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["GazetteerError", "SchemeError", "ToponymsError"]


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
