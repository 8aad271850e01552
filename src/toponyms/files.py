"""Streaming resolution of CSV, TSV and JSONL files: read a row, append the result columns, write.

Rows are processed in chunks, each distinct name resolved once through a bounded cache, so memory
stays flat on files of millions of rows. A row that cannot be read is reported with its line
number and written through unchanged; nothing is dropped. Used by ``toponyms resolve-file``.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any, Literal

from .resolver import Resolver
from .results import COLUMNS, Answer

__all__ = ["FileReport", "resolve_file"]

Format = Literal["csv", "tsv", "jsonl"]
RESULT_FIELDS = tuple(name for name, _ in COLUMNS)
_CHUNK = 5_000
_CACHE = 200_000  # distinct names remembered across chunks
# A cell a spreadsheet would run as a formula (OWASP "CSV injection"): = + - @, tab, CR.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class FileReport:
    """What a run did: rows read, rows with a place identified, rows with a canonical name
    (places identified included), rows that could not be read."""

    rows: int = 0
    resolved: int = 0
    unreadable: int = 0
    named: int = 0


class _Cache:
    """Look each distinct name up once; forget the oldest beyond a bound (flat memory)."""

    def __init__(self, lookup: Callable[[str | None], Answer], size: int = _CACHE) -> None:
        self._lookup = lookup
        self._size = size
        self._answers: OrderedDict[str, Answer] = OrderedDict()
        self._missing = lookup(None)

    def __call__(self, name: object) -> Answer:
        if not isinstance(name, str):
            return self._missing
        if name in self._answers:
            self._answers.move_to_end(name)
            return self._answers[name]
        answer = self._lookup(name)
        self._answers[name] = answer
        if len(self._answers) > self._size:
            self._answers.popitem(last=False)
        return answer


def _escape(value: str) -> str:
    """Defuse a cell a spreadsheet would evaluate; numbers (-5, +3.2) stay numbers."""
    if not value.startswith(_FORMULA_START):
        return value
    try:
        float(value)
    except ValueError:
        return "'" + value
    return value


def _cells(answer: Answer) -> list[str]:
    return ["" if v is None else str(v) for v in answer.row().values()]


def resolve_file(
    source: IO[str],
    sink: IO[str],
    *,
    column: str,
    fmt: Format,
    resolver: Resolver,
    prefix: str = "place_",
    escape_formulas: bool = True,
    warn: Callable[[str], None] = lambda message: print(message, file=sys.stderr),
    progress: Callable[[int], None] | None = None,
    **options: Any,
) -> FileReport:
    """Resolve ``column`` of every row of ``source`` into ``sink``, in the same format."""
    resolver._check_options(**options)
    cache = _Cache(lambda name: resolver.lookup(name, **options))
    report = FileReport()
    if fmt == "jsonl":
        rows = _jsonl(source, sink, column, cache, prefix, report, warn)
    else:
        rows = _delimited(
            source, sink, column, cache, prefix, report, warn, "\t" if fmt == "tsv" else ",",
            escape_formulas,
        )  # fmt: skip
    for n in rows:
        if progress is not None and n % _CHUNK == 0:
            progress(n)
    return report


def _delimited(
    source: IO[str],
    sink: IO[str],
    column: str,
    cache: _Cache,
    prefix: str,
    report: FileReport,
    warn: Callable[[str], None],
    delimiter: str,
    escape: bool,
) -> Iterator[int]:
    reader = csv.reader(source, delimiter=delimiter)
    writer = csv.writer(sink, delimiter=delimiter, lineterminator="\n")
    header = next(reader, None)
    if header is None:
        return
    if column not in header:
        raise ValueError(f"no column {column!r} in the header: {', '.join(header)}")
    at = header.index(column)
    writer.writerow([*header, *(prefix + f for f in RESULT_FIELDS)])
    width = len(header)
    numbered = ((reader.line_num, row) for row in reader)  # the line where each row ends
    for chunk in _chunks(numbered):
        out = []
        for line_number, row in chunk:
            report.rows += 1
            if len(row) != width:
                report.unreadable += 1
                warn(f"line {line_number}: {len(row)} fields, the header has {width}; "
                     "written through unchanged")  # fmt: skip
                out.append(row)
                continue
            answer = cache(row[at])
            report.resolved += answer.place is not None
            report.named += answer.name is not None
            cells = [*row, *_cells(answer)]
            out.append([_escape(c) for c in cells] if escape else cells)
        writer.writerows(out)
        yield report.rows


def _jsonl(
    source: IO[str],
    sink: IO[str],
    column: str,
    cache: _Cache,
    prefix: str,
    report: FileReport,
    warn: Callable[[str], None],
) -> Iterator[int]:
    for chunk in _chunks(enumerate(source, start=1)):
        out = []
        for line_number, line in chunk:
            report.rows += 1
            try:
                record = json.loads(line)
                if not isinstance(record, dict):
                    raise ValueError("not a JSON object")
            except ValueError as e:
                if line.strip():
                    report.unreadable += 1
                    warn(f"line {line_number}: {e}; written through unchanged")
                out.append(line if line.endswith("\n") else line + "\n")
                continue
            answer = cache(record.get(column))
            report.resolved += answer.place is not None
            report.named += answer.name is not None
            for field, value in answer.row().items():
                record[prefix + field] = value
            out.append(json.dumps(record, ensure_ascii=False) + "\n")
        sink.writelines(out)
        yield report.rows


def _chunks(rows: Iterable[Any]) -> Iterator[list[Any]]:
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= _CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
