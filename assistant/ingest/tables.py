"""Tables in: every sheet of a workbook (or the one table of a CSV/TSV) classified and read.

Each sheet is one of: a **KPI table** (a period column and figures — months down the rows, or
across the columns, which is read transposed), a **feedback list** (a column of notes: found
by its name, or as the column of long free text), a **CRM/MA export** (recognised by the
export reader the caller passes, e.g. HubSpot or Salesforce), or **reference** (definitions,
a change log, a summary).  A sheet that is not used — reference, empty, a chart — is named in
the report with the reason.  A sheet that is used but holds a cell that cannot be right
refuses the whole file, so a report never runs on half a workbook.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath
from typing import Protocol

from pydantic import BaseModel, Field

from assistant.domain import FileLoad, IngestWarning, LoadedFile, SkippedPart, TextUnit
from assistant.domain.kpi import COUNT_FIELDS, VALUE_FIELDS
from assistant.errors import IngestError
from assistant.ingest.columns import (
    FEEDBACK_FIELDS,
    ColumnMap,
    Columns,
    fields_in,
    mapping_for,
    resolve_columns,
)
from assistant.ingest.documents.blocks import table_markdown
from assistant.ingest.feedback import feedback_from_table, note_unit
from assistant.ingest.headers import meaning
from assistant.ingest.kpi import TARGET_FIELDS, kpi_from_table, kpi_unit
from assistant.ingest.tabular import (
    RawSheet,
    Table,
    build_table,
    header_score,
    is_blank,
    read_sheets,
)
from assistant.text.normalize import normalize_cell, normalize_text, parse_period

_NOTE_EXAMPLES = "メモ, 内容, コメント, note, comment, …"
_MONTH_EXAMPLES = "年月, 月, 期間, month, period, …"
_COUNT_EXAMPLES = "リード数, MQL数, SQL数, 受注数, leads, mql, sql, won, …"
_FREE_TEXT_CHARS = 20  # a column whose cells average this many characters holds notes
# Sheet names that say the sheet is about the workbook itself, not data to read.
_REFERENCE_NAMES = (
    "履歴", "変更", "更新", "定義", "前提", "凡例", "説明", "使い方", "目次", "注記", "注意事項",
    "history", "changelog", "change log", "definition", "glossary", "readme", "about", "index",
    "legend", "instructions",
)  # fmt: skip


class ExportReader(Protocol):
    """Recognises per-record CRM/MA exports and counts them into KPI months."""

    def detect(self, header: list[str]) -> str | None:
        """The export's tool and report (e.g. ``hubspot-contacts``), or ``None``."""

    def load(self, data: bytes, *, suffix: str, source: str, table: Table | None) -> LoadedFile:
        """The export as a KPI document (one searchable sentence and one row per month)."""

    def needs_mapping(self, header: list[str]) -> str | None:
        """What to do when the header looks like an export whose columns are the customer's
        own (kintone): the command that imports it with a confirmed mapping."""


@dataclass
class _Context:
    source: str
    suffix: str
    kind: str | None
    maps: list[ColumnMap] | None
    exports: ExportReader | None


def free_text_column(table: Table, *, exclude: set[int]) -> int | None:
    """The column of long free text (notes written in full sentences), when there is one."""
    best, best_len = None, 0.0
    rows = table.rows[:500]
    for i in range(len(table.header)):
        if i in exclude:
            continue
        cells = [c for r in rows if not is_blank(c := r.cells[i])]
        texts = [c for c in cells if isinstance(c, str)]
        if not rows or len(texts) < 0.6 * len(rows) or len(texts) < 0.9 * len(cells):
            continue
        mean = sum(len(t) for t in texts) / len(texts)
        if mean >= _FREE_TEXT_CHARS and mean > best_len:
            best, best_len = i, mean
    return best


def _score(ctx: _Context, name: str) -> Callable[[list[str]], int]:
    mapping, _required = mapping_for(ctx.maps, name)

    def score(header: list[str]) -> int:
        if ctx.exports is not None and ctx.exports.detect(header):
            return 2
        found = fields_in(header, mapping)
        kpi = "month" in found and any(n in found for n in (*VALUE_FIELDS, *TARGET_FIELDS))
        if kpi and ctx.kind != "feedback" or "note" in found and ctx.kind != "kpi":
            return 2
        return 1 if found else 0

    return score


@dataclass(frozen=True)
class _Turned:
    sheet: RawSheet
    totals: list[str]  # columns between or after the months that are not months (上期計)


def _months_across(sheet: RawSheet) -> _Turned | None:
    """A KPI sheet laid out with the months across the columns, turned the usual way round.

    The header of months is the first row with three or more month cells, all different and
    in order; cells left of the first month label the rows (up to three columns, merged
    cells filled down), and other cells among or after the months (「上期計」, 「Q1合計」,
    「通期」) are totals Axis recomputes from the months, so they are named and not read.
    """
    for at, record in enumerate(sheet.records[:15]):
        months = {}
        for i, cell in enumerate(record):
            try:
                months[i] = parse_period(cell) if not is_blank(cell) else None
            except ValueError:
                continue
        months = {i: m for i, m in months.items() if m}
        if len(months) < 3:
            continue
        values = [months[i] for i in sorted(months)]
        first = min(months)
        labels = sum(1 for c in record[:first] if not is_blank(c))
        totals = [
            normalize_cell(c)
            for i, c in enumerate(record)
            if i > first and i not in months and not is_blank(c)
        ]
        if values != sorted(set(values)) or labels > 3 or len(totals) > len(months):
            continue
        if first == 0:
            return None
        header = ["年月"]
        metrics = []
        for label, record2 in _row_labels(sheet.records[at + 1 :], width=first):
            if any(not is_blank(record2[i]) for i in months if i < len(record2)):
                header.append(label)
                metrics.append(record2)
        rows = [
            [months[i], *(r[i] if i < len(r) else None for r in metrics)] for i in sorted(months)
        ]
        return _Turned(RawSheet(sheet.name, [*sheet.records[:at], header, *rows]), totals)
    return None


def _row_labels(records: list[list[object]], *, width: int) -> list[tuple[str, list[object]]]:
    """Each row's label from the ``width`` cells left of the months, blank cells filled from
    the row above (a merged 「リード数」 over its 目標/実績/達成率 rows), joined in order:
    「リード数 目標」, 「リード数 実績」.  Rows with no label are left out."""
    labels: list[str] = []
    out = []
    above = [""] * width
    for record in records:
        cells = [
            "" if i >= len(record) or is_blank(record[i]) else normalize_cell(record[i])
            for i in range(width)
        ]
        if not any(cells):
            above = [""] * width
            continue
        # A cell filled in resets what is inherited to its right (a new metric block).
        start = next(i for i, c in enumerate(cells) if c)
        above = [*above[:start], *cells[start:]]
        labels = [c for c in above if c]
        out.append((" ".join(labels), record))
    return out


_MAX_REFERENCE_ROWS = 2000


def _reference(sheet: RawSheet, name: str) -> LoadedFile | str:
    """A sheet of definitions, a change log or a summary: not KPIs or notes, but knowledge a
    director asks about (「展示会出展料は広告費に含める？」), so it is kept as a searchable
    note — its rows as a table — and never read as figures."""
    rows = [
        [normalize_cell(c) for c in r] for r in sheet.records if any(not is_blank(c) for c in r)
    ]
    if len(rows) > _MAX_REFERENCE_ROWS:
        return f"not read: a sheet of {len(rows):,} rows that is neither KPIs nor notes"
    width = max(len(r) for r in rows)
    while width and all(len(r) < width or not r[width - 1] for r in rows):
        width -= 1
    rows = [(r + [""] * width)[:width] for r in rows]
    titled = [r for r in rows if sum(1 for c in r if c) == 1 and r[0]]
    body = rows[len(titled) :] if titled and rows[0] is titled[0] else rows
    heading = f"# {sheet.name}" + (f"\n\n{titled[0][0]}" if titled else "")
    text = heading + ("\n\n" + table_markdown(body) if body else "")
    return LoadedFile(
        source=name,
        kind="note",
        title=f"{PurePath(name.split('#', 1)[0]).stem} {sheet.name}",
        units=[TextUnit(text=normalize_text(text))],
        metadata={"sheet": sheet.name or ""},
        kind_basis="a reference sheet (definitions, a log, a summary): searchable, not figures",
    )


def _about_the_book(sheet: RawSheet) -> bool:
    name = (sheet.name or "").casefold()
    return any(word in name for word in _REFERENCE_NAMES)


def _unusable(columns: Columns, *, alone: bool, source: str) -> str:
    """Why a table is not used: the reason for the report, or (for a file that is only
    this table) the refusal that says what to rename or map."""
    headers = "[" + ", ".join(f"'{h}'" for h in columns.header) + "]"
    if not alone:
        return (
            f"not read: no period column with figures and no column of notes (headers: "
            f"{headers[1:-1][:200]}) — a reference sheet; if it holds KPIs or notes, rename "
            "its columns or pass --map"
        )
    if columns.has("month"):
        raise IngestError(
            f"has a month column but no count column ({_COUNT_EXAMPLES}) and no note column "
            f"— headers found: {headers}; add a count column, pass --map COL=leads, or pass "
            "--kind kpi for a table of spend/revenue only",
            path=source,
        )
    raise IngestError(
        f"no note column ({_NOTE_EXAMPLES}) and no period column ({_MONTH_EXAMPLES}) found in "
        f"headers {headers} — rename a column or pass --map COL=note",
        path=source,
    )


def _load_sheet(
    sheet: RawSheet, name: str, ctx: _Context, data: bytes, *, alone: bool
) -> LoadedFile | str:
    """The sheet's document, or the reason it is not used."""
    if sheet.blank:
        if alone:
            raise IngestError("has no rows — add a header row and data rows", path=ctx.source)
        return "not read: the sheet is empty (or holds only a chart)"
    if sheet.too_long:
        raise IngestError(
            f"sheet '{sheet.name or name}' has more than 200,000 rows — for a CRM export use "
            "`axis kpi import` (it reads millions of rows), otherwise split the sheet",
            path=ctx.source,
        )
    score = _score(ctx, name)
    named = header_score(sheet, score) > 0
    turned = _months_across(sheet) if ctx.kind in (None, "kpi") else None
    if not alone and ctx.kind is None and not named and turned is None:
        return _reference(sheet, name)
    try:
        table = build_table(sheet, score, source=name)
    except IngestError as exc:
        if turned is not None:  # read the usual way round, the months header is no header
            return _classified(sheet, _turned_table(turned, ctx, name), name, ctx, alone=alone)
        if not alone and ("no data rows" in str(exc) or "has no rows" in str(exc)):
            return _reference(sheet, name)
        raise
    if ctx.exports is not None and ctx.kind is None and ctx.exports.detect(table.header):
        return ctx.exports.load(data, suffix=ctx.suffix, source=name, table=table)
    return _classified(sheet, table, name, ctx, alone=alone, turned=turned)


def _turned_table(turned: _Turned, ctx: _Context, name: str) -> Table:
    table = build_table(turned.sheet, _score(ctx, name), source=name)
    if turned.totals:
        names = ", ".join(f"'{t}'" for t in turned.totals)
        table.warnings.append(
            IngestWarning(
                path=name,
                message=f"columns {names} are not months (totals over the months): not "
                "read — Axis adds up the months itself",
            )
        )
    return table


def _classified(
    sheet: RawSheet,
    table: Table,
    name: str,
    ctx: _Context,
    *,
    alone: bool,
    turned: _Turned | None = None,
) -> LoadedFile | str:
    """A table of known layout as KPIs or feedback, else a reference note (or a refusal)."""
    mapping, required = mapping_for(ctx.maps, name)
    columns = resolve_columns(table.header, mapping, source=name, required=required)
    kind = _table_kind(columns, ctx.kind)
    if kind == "feedback" and ctx.kind is None and not alone and _about_the_book(sheet):
        return _reference(sheet, name)
    advice = ctx.exports.needs_mapping(table.header) if ctx.exports and not ctx.kind else None
    if kind is None and advice is not None:
        raise IngestError(advice, path=name)
    if kind is None and turned is not None:
        table = _turned_table(turned, ctx, name)
        columns = resolve_columns(table.header, mapping, source=name, required=required)
        kind = _table_kind(columns, ctx.kind)
    if kind is None and ctx.kind in (None, "feedback"):
        kind = _notes_by_content(table, columns, forced=ctx.kind is not None)
    if kind is None:
        if ctx.kind is not None:
            raise IngestError(_forced_refusal(columns, ctx.kind), path=name)
        if not alone:
            return _reference(sheet, name)
        return _unusable(columns, alone=alone, source=name)
    return _document(table, columns, kind, name)


def _notes_by_content(table: Table, columns: Columns, *, forced: bool) -> str | None:
    """A list with dates, reps or accounts and a column of long free text is feedback,
    whatever that column is called (「所感・ヒアリング内容」)."""
    described = any(columns.has(f) for f in ("date", "rep", "account", "stage"))
    if not (described or forced):
        return None
    used = {i for found in columns.candidates.values() for i in found}
    if (note := free_text_column(table, exclude=used)) is None:
        return None
    columns.candidates["note"] = [note]
    return "feedback"


def _table_kind(columns: Columns, forced: str | None) -> str | None:
    has_month = columns.has("month")
    if forced in (None, "kpi") and has_month:
        wanted = COUNT_FIELDS if forced is None else (*VALUE_FIELDS, *TARGET_FIELDS)
        if any(columns.has(n) for n in wanted) or any(
            columns.has(f"target_{n}") for n in COUNT_FIELDS
        ):
            return "kpi"
    if forced in (None, "feedback") and columns.has("note"):
        return "feedback"
    return None


def _forced_refusal(columns: Columns, kind: str) -> str:
    headers = "[" + ", ".join(f"'{h}'" for h in columns.header) + "]"
    if kind == "kpi":
        return (
            f"--kind kpi needs a month column ({_MONTH_EXAMPLES}) and at least one number "
            f"column ({_COUNT_EXAMPLES}, 広告費, 売上) — headers found: {headers}; rename a "
            "column or pass --map COL=month"
        )
    if kind == "feedback":
        return (
            f"--kind feedback needs a note column ({_NOTE_EXAMPLES}) — headers found: "
            f"{headers}; rename a column or pass --map COL=note"
        )
    return f"a table can be loaded as feedback or kpi, not {kind} — change --kind"


def _document(table: Table, columns: Columns, kind: str, name: str) -> LoadedFile:
    stem = PurePath(name.split("#", 1)[0]).stem
    title = table.titles[0] if table.titles else (f"{stem} {table.sheet}" if table.sheet else stem)
    metadata = {"sheet": table.sheet} if table.sheet else {}
    if kind == "kpi":
        months, warnings = kpi_from_table(table, columns, source=name)
        return LoadedFile(
            source=name,
            kind="kpi",
            title=title,
            units=[kpi_unit(month) for month in months],
            kpi_months=months,
            metadata=metadata,
            warnings=[*table.warnings, *warnings],
            kind_basis="table: a period column with figures",
        )
    notes = feedback_from_table(table, columns, source=name)
    return LoadedFile(
        source=name,
        kind="feedback",
        title=title,
        units=[note_unit(note) for note in notes],
        feedback_notes=notes,
        metadata=metadata,
        warnings=table.warnings,
        kind_basis="table: a column of notes",
    )


def load_tables(
    data: bytes,
    *,
    suffix: str,
    source: str,
    kind: str | None,
    maps: list[ColumnMap] | None,
    exports: ExportReader | None,
) -> FileLoad:
    """Every sheet's document, and the sheets not used with their reasons."""
    ctx = _Context(source, suffix, kind, maps, exports)
    sheets = read_sheets(data, suffix=suffix, source=source)
    several = len(sheets) > 1
    documents: list[LoadedFile] = []
    skipped: list[SkippedPart] = []
    for sheet in sheets:
        name = f"{source}#{sheet.name}" if several else source
        result = _load_sheet(sheet, name, ctx, data, alone=not several)
        if isinstance(result, str):
            skipped.append(SkippedPart(path=source, part=sheet.name or source, reason=result))
        else:
            documents.append(result)
    if not documents:
        reasons = "; ".join(f"{s.part}: {s.reason}" for s in skipped)
        raise IngestError(f"no sheet Axis can use — {reasons}", path=source)
    return FileLoad(documents=documents, skipped=skipped)


class ColumnPreview(BaseModel):
    header: str
    field: str | None
    status: str  # field, month, segment, derived, forecast, unknown, note field
    sample: str


class SheetPreview(BaseModel):
    """What ingesting a sheet would do, shown before anything is saved."""

    sheet: str | None
    kind: str  # kpi, feedback, crm, reference, empty
    columns: list[ColumnPreview] = Field(default_factory=list)
    problem: str | None = None


def _column_status(header: str, field: str | None) -> str:
    if field in FEEDBACK_FIELDS:
        return "field"
    found = meaning(header)
    return found.status if field is None else ("field" if found.status != "month" else "month")


def preview_tables(
    data: bytes,
    *,
    suffix: str,
    source: str,
    maps: list[ColumnMap] | None = None,
    exports: ExportReader | None = None,
) -> list[SheetPreview]:
    """Each sheet's kind and how each of its columns would be read (the Knowledge page's
    mapping preview), with the same rules as ingesting it."""
    ctx = _Context(source, suffix, None, maps, exports)
    previews = []
    for sheet in read_sheets(data, suffix=suffix, source=source):
        if sheet.blank:
            previews.append(SheetPreview(sheet=sheet.name, kind="empty"))
            continue
        name = f"{source}#{sheet.name}" if sheet.name else source
        try:
            table = build_table(sheet, _score(ctx, name), source=name)
        except IngestError as exc:
            previews.append(SheetPreview(sheet=sheet.name, kind="reference", problem=str(exc)))
            continue
        if exports is not None and exports.detect(table.header):
            kind = "crm"
        else:
            mapping, _required = mapping_for(maps, name)
            columns = resolve_columns(table.header, mapping, source=name, required=set())
            kind = _table_kind(columns, None) or (
                "feedback" if _notes_by_content(table, columns, forced=False) else "reference"
            )
            if kind == "feedback" and sheet.name and _about_the_book(sheet):
                kind = "reference"
        mapping, _required = mapping_for(maps, name)
        columns = resolve_columns(table.header, mapping, source=name, required=set())
        field_at = {i: f for f, found in columns.candidates.items() for i in found}
        previews.append(
            SheetPreview(
                sheet=sheet.name,
                kind=kind,
                columns=[
                    ColumnPreview(
                        header=header,
                        field=field_at.get(i),
                        status=_column_status(header, field_at.get(i)),
                        sample=next(
                            (
                                normalize_cell(r.cells[i])
                                for r in table.rows
                                if not is_blank(r.cells[i])
                            ),
                            "",
                        ),  # fmt: skip
                    )
                    for i, header in enumerate(table.header)
                ],
            )
        )
    return previews
