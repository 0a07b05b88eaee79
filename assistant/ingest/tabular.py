"""Read CSV, TSV and XLSX into a header and numbered data rows.

Exports rarely start at the header: Excel reports put a title and a blank line above it, so
the header is the first row (among the first ten non-blank rows) that has a column Axis
knows.  Rows are numbered from the first row after the header (data row 1), and blank rows
keep their number, so ``row 17`` in a message is the 17th row under the header in the file
the user has open.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from assistant.domain import IngestWarning
from assistant.errors import IngestError
from assistant.ingest.encoding import decode_bytes
from assistant.text.normalize import normalize_cell

HEADER_SEARCH_ROWS = 15
MAX_ROWS = (
    200_000  # a sheet or text table larger than this is refused (CRM exports: axis kpi import)
)
MAX_COLUMNS = 2_000
# Words that make a row a second header row under merged cells (リード数 | | MQL | …
#                                                                目標 | 実績 | 目標 | …).
_SUBHEADER_WORDS = frozenset(
    {
        "目標",
        "実績",
        "計画",
        "予算",
        "見込み",
        "見込",
        "予測",
        "前年",
        "前年実績",
        "差異",
        "達成率",
        "target",
        "actual",
        "plan",
        "budget",
        "forecast",
        "goal",
        "result",
    }  # fmt: skip
)
_DELIMITERS = (",", "\t", ";")
_DELIMITER_NAMES = {",": "comma", "\t": "tab", ";": "semicolon"}

HeaderScore = Callable[[list[str]], int]
"""Scores a candidate header row: 2 = a complete header, 1 = some known column, 0 = none."""


@dataclass
class TableRow:
    """One data row: ``number`` is its 1-based position under the header."""

    number: int
    cells: list[object]


@dataclass
class Table:
    header: list[str]
    rows: list[TableRow]
    warnings: list[IngestWarning] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)  # text of the rows above the header
    sheet: str | None = None


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _clean(value: object) -> object:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def sniff_delimiter(text: str) -> str:
    """Pick the delimiter that splits most of the first records into the same number (> 1)
    of columns; a one-column file (just a note column) stays comma-separated."""
    sample = "\n".join(text.split("\n", 40)[:40])
    best, best_score = ",", (0.0, 0)
    for delimiter in _DELIMITERS:
        widths = [
            len(row)
            for row in csv.reader(io.StringIO(sample), delimiter=delimiter)
            if any(cell.strip() for cell in row)
        ]
        multi = [width for width in widths if width > 1]
        if not multi:
            continue
        width, count = Counter(multi).most_common(1)[0]
        score = (count / len(widths), width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _csv_records(
    data: bytes, *, delimiter: str | None, source: str
) -> tuple[str, list[list[object]]]:
    text, _encoding = decode_bytes(data, source=source)
    delimiter = delimiter or sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        return delimiter, list(reader)
    except csv.Error as exc:
        raise IngestError(
            f'CSV cannot be parsed near line {reader.line_num} ({exc}) — check for a quote (") '
            "that is opened but never closed",
            path=source,
        ) from exc


@dataclass
class RawSheet:
    """One sheet's cells (a CSV/TSV is one sheet without a name), read up to ``MAX_ROWS``."""

    name: str | None
    records: list[list[object]]
    too_long: bool = False  # more than MAX_ROWS rows: not all were read

    @property
    def blank(self) -> bool:
        return not any(not is_blank(c) for r in self.records for c in r)


def _sheet_rows(ws) -> tuple[list[list[object]], bool]:  # type: ignore[no-untyped-def]
    rows: list[list[object]] = []
    for row in ws.iter_rows(values_only=True):
        if len(rows) >= MAX_ROWS:
            return rows, True
        rows.append(list(row[: MAX_COLUMNS + 1]))
    return rows, False


def _xlsx_sheets(data: bytes, *, source: str) -> list[RawSheet]:
    """Every sheet's title and rows.  openpyxl is given untrusted bytes and reports damage
    with many unrelated exception types, so any failure becomes one clear IngestError."""
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            # Style and extension warnings ("no default style", data validation) say nothing
            # about the data.
            warnings.simplefilter("ignore")
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                sheets = []
                for ws in workbook.worksheets:
                    rows, too_long = _sheet_rows(ws)
                    sheets.append(RawSheet(ws.title, rows, too_long))
                # Chart sheets hold no cells; they are named so the report can list them.
                sheets += [RawSheet(cs.title, []) for cs in workbook.chartsheets]
                return sheets
            finally:
                workbook.close()
    except Exception as exc:
        raise IngestError(
            f"cannot open it as an Excel workbook ({type(exc).__name__}) — open it in Excel "
            "and save it again as .xlsx, or export the sheet as CSV",
            path=source,
        ) from exc


def _first_rows(records: Iterable[list[object]]) -> list[list[object]]:
    found: list[list[object]] = []
    for record in records:
        if any(not is_blank(cell) for cell in record):
            found.append(record)
            if len(found) == HEADER_SEARCH_ROWS:
                break
    return found


def _subheader(row: list[object]) -> bool:
    """A row of role words under a row of merged cells (目標 | 実績 | 目標 | 実績 …)."""
    words = [normalize_cell(c).casefold() for c in row if not is_blank(c)]
    return len(words) >= 2 and sum(w in _SUBHEADER_WORDS for w in words) >= 0.8 * len(words)


def _combined(top: list[object], sub: list[object]) -> list[object]:
    """The two header rows as one: a merged cell's text carried over the cells it spans."""
    out: list[object] = []
    carried: object = None
    for i in range(max(len(top), len(sub))):
        above = top[i] if i < len(top) else None
        below = sub[i] if i < len(sub) else None
        if not is_blank(above):
            carried = above
        name = above if not is_blank(above) else (carried if not is_blank(below) else None)
        if is_blank(below):
            out.append(name)
        else:
            out.append(f"{normalize_cell(name)} {normalize_cell(below)}".strip() if name else below)
    return out


def _header_rows(rows: list[list[object]], at: int) -> tuple[list[object], int]:
    """The header starting at ``rows[at]``: one row, or two when a role row follows."""
    if at + 1 < len(rows) and _subheader(rows[at + 1]):
        return _combined(rows[at], rows[at + 1]), 2
    return rows[at], 1


_VALUE_LIKE = re.compile(r"^[\d\s,.\-/:年月日時分%¥円+()（）]+$")


def _looks_like_data(row: list[object]) -> bool:
    """Numbers and dates: a data row, whatever words sit beside them (headers are labels)."""
    cells = [c for c in row if not is_blank(c)]
    values = [
        c for c in cells
        if not isinstance(c, str) or _VALUE_LIKE.match(normalize_cell(c))
    ]  # fmt: skip
    return len(cells) >= 3 and len(values) >= 0.4 * len(cells)


def _best_header(rows: list[list[object]], score: HeaderScore) -> tuple[int, int]:
    """(index into ``rows``, score) of the header row: first complete, else first known."""
    scores = [
        0 if _looks_like_data(rows[i]) else score(_header_names(_header_rows(rows, i)[0]))
        for i in range(len(rows))
    ]
    for wanted in (2, 1):
        if wanted in scores:
            return scores.index(wanted), wanted
    return 0, 0


def _header_names(row: list[object]) -> list[str]:
    names = [normalize_cell(cell) for cell in row]
    while names and not names[-1]:
        names.pop()
    seen: Counter[str] = Counter()
    result = []
    for position, name in enumerate(names, start=1):
        name = name or f"column {position}"
        seen[name] += 1
        result.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return result


def _build(records: list[list[object]], score: HeaderScore, *, source: str, layout: str) -> Table:
    nonblank = _first_rows(records)
    if not nonblank:
        raise IngestError("has no rows — add a header row and data rows", path=source)
    header_at, _score = _best_header(nonblank, score)
    header_record, height = _header_rows(nonblank, header_at)
    last = nonblank[header_at + height - 1]
    start = next(i for i, record in enumerate(records) if record is last) + 1
    header = _header_names(header_record)
    if len(header) > MAX_COLUMNS:
        raise IngestError(
            f"has {len(header):,} columns, over the {MAX_COLUMNS:,} a table may have — remove "
            "the columns Axis does not need",
            path=source,
        )
    titles = [
        " ".join(normalize_cell(c) for c in row if not is_blank(c)) for row in nonblank[:header_at]
    ]
    table = Table(header=header, rows=[], titles=titles)
    if header_at:
        skipped = " / ".join(
            " ".join(normalize_cell(c) for c in row if not is_blank(c))
            for row in nonblank[:header_at]
        )
        table.warnings.append(
            IngestWarning(
                path=source,
                message=f"skipped {header_at} title row(s) above the header: {skipped[:120]}",
            )
        )
    blank_rows: list[int] = []
    for number, record in enumerate(records[start:], start=1):
        if all(is_blank(cell) for cell in record):
            blank_rows.append(number)
            continue
        width = max(i for i, cell in enumerate(record) if not is_blank(cell)) + 1
        if width > len(header):
            raise IngestError(
                f"has {width} cells but the header has {len(header)} columns ({layout}) — "
                "quote cells that contain the delimiter, or give the extra column a header",
                path=source,
                row=number,
            )
        cells = [_clean(cell) for cell in record[: len(header)]]
        table.rows.append(TableRow(number, cells + [None] * (len(header) - len(cells))))
        table.warnings.extend(
            IngestWarning(path=source, row=n, message=f"row {n} is blank — skipped")
            for n in blank_rows
        )
        blank_rows = []
    if not table.rows:
        raise IngestError("has a header but no data rows — add rows under the header", path=source)
    return table


def read_sheets(data: bytes, *, suffix: str, source: str) -> list[RawSheet]:
    """Every sheet of a workbook, or the one table of a CSV/TSV, as raw cells."""
    if suffix == ".xlsx":
        sheets = _xlsx_sheets(data, source=source)
        if not sheets:
            raise IngestError("has no sheets — add a sheet with a header row", path=source)
        return sheets
    _delimiter, records = _csv_records(
        data, delimiter="\t" if suffix == ".tsv" else None, source=source
    )
    return [RawSheet(None, records[:MAX_ROWS], len(records) > MAX_ROWS)]


def header_score(sheet: RawSheet, score: HeaderScore) -> int:
    """How well the sheet's best header candidate scores (0: no row names a known column)."""
    return _best_header(_first_rows(sheet.records), score)[1]


def build_table(sheet: RawSheet, score: HeaderScore, *, source: str) -> Table:
    """The sheet's header (found under any title rows, merged header rows combined) and its
    numbered data rows; a row that cannot be right refuses the table with its number."""
    layout = f"sheet '{sheet.name}'" if sheet.name is not None else "the table"
    table = _build(sheet.records, score, source=source, layout=layout)
    table.sheet = sheet.name
    return table


def read_table(data: bytes, *, suffix: str, source: str, header_score: HeaderScore) -> Table:
    """Read a CSV/TSV/XLSX file's bytes into a ``Table``; refuse it whole if any row is bad.

    For a workbook, the first sheet with a complete header is used (else the first with a
    known column, else the first sheet); warnings name the sheet read when it is not the
    first, and any other sheet that looks like data, so nothing is skipped silently.
    """
    if suffix == ".xlsx":
        sheets = _xlsx_sheets(data, source=source)
        if not sheets:
            raise IngestError("has no sheets — add a sheet with a header row", path=source)
        scores = [_best_header(_first_rows(sh.records), header_score)[1] for sh in sheets]
        best = max(range(len(sheets)), key=lambda i: (scores[i], -i))
        title, rows = sheets[best].name, sheets[best].records
        table = _build(rows, header_score, source=source, layout=f"sheet '{title}'")
        if best:
            table.warnings.insert(
                0, IngestWarning(path=source, message=f"read sheet '{title}', not the first sheet")
            )
        table.warnings.extend(
            IngestWarning(
                path=source,
                message=f"sheet '{other}' was not read (one sheet a file) — save it as its "
                "own file to ingest it",
            )
            for i, other in ((i, sh.name) for i, sh in enumerate(sheets))
            if i != best and scores[i] > 0
        )
        return table
    delimiter, records = _csv_records(
        data, delimiter="\t" if suffix == ".tsv" else None, source=source
    )
    return _build(
        records,
        header_score,
        source=source,
        layout=f"read as {_DELIMITER_NAMES[delimiter]}-separated",
    )
