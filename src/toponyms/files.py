"""Streaming resolution of CSV, TSV and JSONL files: read a row, append the result columns, write.

Rows are processed in chunks, each distinct name resolved once through a bounded cache, so memory
stays flat on files of millions of rows. A row that cannot be read (invalid UTF-8, a NUL byte, a
field over the size limit, a quote never closed, the wrong number of fields, a line that is not
JSON) is reported with its line number and written through unchanged: every input line reaches
the output, in order. Used by ``toponyms resolve-file``, which writes to a temporary file and
renames it into place only when the run succeeds.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any, Literal

from .resolver import Resolver
from .results import COLUMNS, Answer

__all__ = ["FileReport", "decoded_lines", "resolve_file", "sniff_delimiter"]

Format = Literal["csv", "tsv", "jsonl"]
RESULT_FIELDS = tuple(name for name, _ in COLUMNS)
_CHUNK = 5_000
_CACHE = 200_000  # distinct names remembered across chunks
# A cell a spreadsheet would run as a formula (OWASP "CSV injection"): = + - @, tab, CR.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A quoted field that runs over this many lines is taken for a quote never closed.
_MAX_RECORD_LINES = 100
# Fields up to this size are read (csv's default limit, 128 kB, stops whole files).
_FIELD_LIMIT = 64 * 1024 * 1024
_DELIMITERS = ",;\t|"


def decoded_lines(
    raw: Iterable[bytes], damaged: set[int], errors: str = "surrogateescape"
) -> Iterator[str]:
    """The lines of a UTF-8 byte stream as text, BOM dropped; a line with invalid UTF-8 is read
    with ``errors`` (surrogate escapes by default, so it is written back byte for byte; "replace"
    puts U+FFFD in place of the bad bytes) and its number added to ``damaged``."""
    for number, line in enumerate(raw, start=1):
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        try:
            yield line.decode("utf-8")
        except UnicodeDecodeError:
            damaged.add(number)
            yield line.decode("utf-8", errors=errors)


def sniff_delimiter(header: str) -> str:
    """The delimiter a header line uses: the most frequent of , ; tab | outside quotes (comma
    when none shows)."""
    outside = "".join(part for i, part in enumerate(header.split('"')) if i % 2 == 0)
    counts = {d: outside.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


class _Lines:
    """An iterator over lines that keeps those taken since the last ``reset``: the raw lines of
    the record the csv reader just read, to write through unchanged if it is damaged."""

    def __init__(self, lines: Iterable[str]) -> None:
        self._lines = iter(lines)
        self.number = 0
        self.taken: list[str] = []

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.number += 1
        self.taken.append(line)
        return line

    def reset(self) -> list[str]:
        taken, self.taken = self.taken, []
        return taken


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
        answers = self._answers
        answer = answers.get(name)
        if answer is not None:
            answers.move_to_end(name)
            return answer
        answer = answers[name] = self._lookup(name)
        if len(answers) > self._size:
            answers.popitem(last=False)
        return answer


class _Rendered:
    """The result cells of each answer as CSV text, made once per answer: rows repeat names."""

    def __init__(self, delimiter: str, escape: bool, size: int = _CACHE) -> None:
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer, delimiter=delimiter, lineterminator="")
        self._delimiter, self._escape, self._size = delimiter, escape, size
        self._texts: dict[int, tuple[Answer, list[str], str]] = {}

    def __call__(self, answer: Answer) -> tuple[list[str], str]:
        """The answer's cells (escaped when asked) and, ready to append to a row, the delimiter
        and those cells as CSV."""
        found = self._texts.get(id(answer))
        if found is not None and found[0] is answer:
            return found[1], found[2]
        cells = _cells(answer)
        if self._escape:
            cells = [_escape(c) for c in cells]
        self._buffer.seek(0)
        self._buffer.truncate()
        self._writer.writerow(cells)
        text = self._delimiter + self._buffer.getvalue()
        if len(self._texts) >= self._size:
            self._texts.clear()
        self._texts[id(answer)] = (answer, cells, text)  # the answer kept: its id stays its own
        return cells, text


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
    source: Iterable[str],
    sink: IO[str],
    *,
    column: str,
    fmt: Format,
    resolver: Resolver,
    prefix: str = "place_",
    escape_formulas: bool = True,
    delimiter: str | None = None,
    damaged: Collection[int] = (),
    warn: Callable[[str], None] = lambda message: print(message, file=sys.stderr),
    progress: Callable[[int], None] | None = None,
    **options: Any,
) -> FileReport:
    """Resolve ``column`` of every row of ``source`` (lines of text) into ``sink``, in the same
    format. ``delimiter`` defaults to tab for TSV and to the one the header shows for CSV;
    ``damaged`` holds the numbers of lines that could not be decoded (see ``decoded_lines``):
    their rows are written through. A missing column raises ValueError before any row is
    written."""
    resolver._check_options(**options)
    cache = _Cache(lambda name: resolver.lookup(name, **options))
    report = FileReport()
    if fmt == "jsonl":
        rows = _jsonl(source, sink, column, cache, prefix, report, warn, damaged)
    else:
        rows = _delimited(
            source, sink, column, cache, prefix, report, warn,
            "\t" if fmt == "tsv" and delimiter is None else delimiter, escape_formulas, damaged,
        )  # fmt: skip
    for n in rows:
        if progress is not None and n % _CHUNK == 0:
            progress(n)
    return report


def _delimited(
    source: Iterable[str],
    sink: IO[str],
    column: str,
    cache: _Cache,
    prefix: str,
    report: FileReport,
    warn: Callable[[str], None],
    delimiter: str | None,
    escape: bool,
    damaged: Collection[int],
) -> Iterator[int]:
    lines = _Lines(source)
    first = next(lines, None)
    if first is None:
        return
    delimiter = delimiter or sniff_delimiter(first)
    csv.field_size_limit(_FIELD_LIMIT)
    header = next(csv.reader([first], delimiter=delimiter), [])
    lines.reset()
    if column not in header:
        raise ValueError(f"no column {column!r} in the header: {', '.join(header)}")
    at = header.index(column)
    writer = csv.writer(sink, delimiter=delimiter, lineterminator="\n")
    writer.writerow([*header, *(prefix + f for f in RESULT_FIELDS)])
    width = len(header)
    reader = csv.reader(lines, delimiter=delimiter)
    render = _Rendered(delimiter, escape)
    # Where a cell may start with a formula character: the line's start, after a delimiter,
    # either opening a quoted cell. A row showing one goes through the writer, cell by cell.
    formula = re.compile(
        f'(?:^|{re.escape(delimiter)})"?[{re.escape("".join(_FORMULA_START))}]'
    ).search
    done = False
    while not done:
        out: list[list[str] | str] = []
        while len(out) < _CHUNK:
            start = lines.number + 1
            try:
                row = next(reader)
            except StopIteration:
                done = True
                break
            except csv.Error as e:  # a NUL byte, a field over the limit
                raw = lines.reset()
                problem: str | None = f"line {start}: {e}"
            else:
                raw = lines.reset()
                problem = _problem(row, raw, start, lines.number, width, damaged, delimiter)
                if problem is None:
                    report.rows += 1
                    answer = cache(row[at])
                    report.resolved += answer.place is not None
                    report.named += answer.name is not None
                    cells, text = render(answer)
                    if len(raw) == 1 and not (escape and formula(raw[0])):
                        # The row as it was read, its result appended: no cell to rewrite.
                        out.append(raw[0].rstrip("\r\n") + text + "\n")
                    else:
                        out.append([*(map(_escape, row) if escape else row), *cells])
                    continue
            report.rows += 1
            report.unreadable += 1
            span = f"lines {start}-{lines.number}" if lines.number > start else f"line {start}"
            warn(f"{problem or span}; {span} written through unchanged")
            out.append("".join(raw))
        _write(sink, writer, out)
        yield report.rows


def _problem(
    row: list[str],
    raw: list[str],
    start: int,
    end: int,
    width: int,
    damaged: Collection[int],
    delimiter: str,
) -> str | None:
    """What is wrong with a record read from lines ``start`` to ``end``, or None."""
    if start == end and start not in damaged:  # one line: the common case, checked quickly
        line = raw[0]
        if "\x00" not in line and not line.count('"') % 2 and len(row) == width:
            return None
    bad = [n for n in range(start, end + 1) if n in damaged]
    if bad:
        return f"line {bad[0]}: invalid UTF-8"
    nul = [n for n, line in enumerate(raw, start=start) if "\x00" in line]
    if nul:
        return f"line {nul[0]}: a NUL byte"
    if end - start + 1 > _MAX_RECORD_LINES or "".join(raw).count('"') % 2:
        # Quotes come in pairs ("" inside a field too): an odd count is a quote never closed,
        # which took the following lines into its field.
        return f"line {start}: a quote is never closed (the field runs to line {end})"
    for offset, line in enumerate(raw[1:], start=1):
        # A line inside a quoted field that reads as a whole row of its own (no quote, the
        # header's number of fields, none of them empty) was a row, taken in by a stray quote.
        if (
            '"' not in line
            and line.count(delimiter) == width - 1
            and all(cell.strip() for cell in line.rstrip("\r\n").split(delimiter))
        ):
            return (
                f"line {start}: a quoted field takes in line {start + offset}, which reads as a "
                "row of its own (a stray quote?)"
            )
    if len(row) != width:
        return f"line {start}: {len(row)} fields, the header has {width}"
    return None


def _write(sink: IO[str], writer: Any, out: list[list[str] | str]) -> None:
    """Write a chunk in order: text as it is (a line ends with one), cells through the writer."""
    rows: list[list[str]] = []
    texts: list[str] = []
    for item in out:
        if isinstance(item, str):  # a line ready to write, or one written through
            if rows:
                writer.writerows(rows)
                rows = []
            texts.append(item if item.endswith(("\n", "\r")) else item + "\n")
        else:
            if texts:
                sink.write("".join(texts))
                texts = []
            rows.append(item)
    writer.writerows(rows)
    sink.write("".join(texts))


def _jsonl(
    source: Iterable[str],
    sink: IO[str],
    column: str,
    cache: _Cache,
    prefix: str,
    report: FileReport,
    warn: Callable[[str], None],
    damaged: Collection[int],
) -> Iterator[int]:
    checked = False
    for chunk in _chunks(enumerate(source, start=1)):
        out = []
        for line_number, line in chunk:
            report.rows += 1
            try:
                if line_number in damaged:
                    raise ValueError("invalid UTF-8")
                if "\x00" in line:
                    raise ValueError("a NUL byte")
                record = json.loads(line)
                if not isinstance(record, dict):
                    raise ValueError("not a JSON object")
            except ValueError as e:
                if line.strip():
                    report.unreadable += 1
                    warn(f"line {line_number}: {e}; written through unchanged")
                out.append(line if line.endswith("\n") else line + "\n")
                continue
            if not checked:  # as a CSV header is: the first record must have the key
                if column not in record:
                    keys = ", ".join(map(str, record)) or "none"
                    raise ValueError(
                        f"no key {column!r} in the first record (line {line_number}; keys: {keys})"
                    )
                checked = True
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
