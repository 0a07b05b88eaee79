"""KPI snapshots: one month (optionally one segment) a row of funnel counts, money, targets.

Numbers here feed every rate, CPL and achievement figure Axis shows, so a cell that is not
a number refuses the whole file (with row, column, the value and what to do) — reading it as
zero or skipping it would silently change a report.  A blank cell is ``None`` ("not in the
data"), never 0.  Oddities a real export can legitimately have (MQL above leads after a
re-scoring, a plan month with targets only) are warnings: the analytics report them too.
"""

from __future__ import annotations

import datetime as dt
import re

from assistant.domain import IngestWarning, KpiMonth, MetaValue, TextUnit
from assistant.domain.kpi import VALUE_FIELDS
from assistant.errors import IngestError
from assistant.ingest.columns import KPI_FIELDS, MONEY_FIELDS, Columns, unit_scale
from assistant.ingest.headers import closest_field, meaning
from assistant.ingest.tabular import Table, TableRow, is_blank
from assistant.text.labels import label
from assistant.text.normalize import nfkc, normalize_cell, parse_int, parse_period, parse_yen

TARGET_FIELDS: tuple[str, ...] = tuple(f"target_{name}" for name in VALUE_FIELDS)
KPI_INPUTS: tuple[str, ...] = tuple(f for f in KPI_FIELDS if f not in ("month", "segment"))
# Cells that mean "no figure" in Japanese and English spreadsheets.
_NO_VALUE = frozenset({"-", "–", "—", "―", "‐", "n/a", "na", "#n/a"})
# Rows a spreadsheet adds under the months; Axis computes totals itself.
_TOTAL_ROWS = frozenset({"合計", "計", "小計", "総計", "平均", "total", "subtotal", "average"})
_TOTAL_WORDS = ("合計", "小計", "総計", "累計", "平均", "total", "subtotal", "average", "sum")
# 「単位：件（売上高は万円、広告費は千円）」: units a title row states for the columns below.
_UNIT_NOTE = re.compile(r"([^\s（(、,，：:]+?)(?:は|=|：|:)\s*(百万円|千円|万円|億円|円)")
_DEFAULT_MONEY = re.compile(r"(?:金額の)?単位\s*[:：]?\s*(百万円|千円|万円|億円|円)")


def title_units(titles: list[str]) -> tuple[dict[str, str], str]:
    """The units title rows state: per base metric (``売上高は万円``) and for money overall."""
    per_base: dict[str, str] = {}
    default = ""
    for text in titles:
        clean = nfkc(text)
        for name, unit in _UNIT_NOTE.findall(clean):
            found = meaning(name)
            if found.base in ("spend", "revenue"):
                per_base[found.base] = unit
        if (m := _DEFAULT_MONEY.search(clean)) and not per_base:
            default = m.group(1)
    return per_base, default


_FUNNEL_PAIRS = (("mql", "leads"), ("sql", "mql"), ("won", "sql"))


def _is_empty(value: object) -> bool:
    return is_blank(value) or (isinstance(value, str) and nfkc(value).strip().lower() in _NO_VALUE)


class _Reader:
    """Reads one table's cells with the column positions and unit scales resolved once."""

    def __init__(self, table: Table, columns: Columns, *, source: str) -> None:
        self.table, self.source = table, source
        self.at = {
            name: columns.index(name, source=source)
            for name in ("month", "segment", *VALUE_FIELDS, *TARGET_FIELDS)
        }
        per_base, default = title_units(table.titles)
        self.scale = {}
        for name, i in self.at.items():
            if i is None or name in ("month", "segment"):
                continue
            header = table.header[i]
            stated = meaning(header).unit
            money = name in MONEY_FIELDS
            if money and not stated:  # the column says nothing: the title rows may
                base = name.removeprefix("target_")
                stated = per_base.get(base, default)
                header = f"{header}({stated})" if stated else header
            self.scale[name] = unit_scale(header, money=money, source=source)

    def number(self, row: TableRow, name: str) -> int | None:
        index = self.at[name]
        if index is None or _is_empty(row.cells[index]):
            return None
        value, column = row.cells[index], self.table.header[index]
        try:
            if name in MONEY_FIELDS:
                number = parse_yen(value, scale=self.scale[name])
            else:
                number = parse_int(value, scale=self.scale[name])
        except ValueError as exc:
            what = (
                "an amount in yen (e.g. 1,200,000 or 120万円)"
                if name in MONEY_FIELDS
                else "a whole number (e.g. 1,200)"
            )
            reason = str(exc).split(" (")[0]  # its own example would repeat ours
            raise IngestError(
                f"'{normalize_cell(value)}' {reason} — write {what} or clear the cell",
                path=self.source,
                row=row.number,
                column=column,
            ) from exc
        if number < 0 and (name not in MONEY_FIELDS or name.startswith("target_")):
            raise IngestError(
                f"'{normalize_cell(value)}' is negative — counts and targets cannot be below 0",
                path=self.source,
                row=row.number,
                column=column,
            )
        return number

    def month(self, row: TableRow) -> str | None:
        """The row's month, or ``None`` for a totals row; a bad month refuses the file."""
        index = self.at["month"]
        assert index is not None  # the table was classified as KPI by this column
        value, column = row.cells[index], self.table.header[index]
        if is_blank(value):
            raise IngestError(
                "is empty — fill in the month (e.g. 2026-09) or remove the row",
                path=self.source,
                row=row.number,
                column=column,
            )
        if isinstance(value, str):
            folded = "".join(nfkc(value).lower().split())
            if folded in _TOTAL_ROWS or any(word in folded for word in _TOTAL_WORDS):
                return None
        if isinstance(value, int | float) and 36526 <= value <= 73050:  # an Excel date serial
            value = dt.date(1899, 12, 30) + dt.timedelta(days=int(value))
        try:
            return parse_period(value)
        except ValueError as exc:
            others = [c for i, c in enumerate(row.cells) if i != index and not is_blank(c)]
            if isinstance(value, str) and not others and len(value) > 12:
                return None  # a footnote under the table (「※売上高は受注月に計上…」)
            raise IngestError(
                f"'{normalize_cell(value)}' {exc} — write the month like 2026-09 or 2026年9月",
                path=self.source,
                row=row.number,
                column=column,
            ) from exc


def _is_footnote(row: TableRow) -> bool:
    cells = [c for c in row.cells if not is_blank(c)]
    return len(cells) == 1 and isinstance(cells[0], str) and len(cells[0]) > 12


def _warn(source: str, row: int, message: str) -> IngestWarning:
    return IngestWarning(path=source, row=row, message=f"row {row}: {message}")


def _check_funnel(month: KpiMonth, source: str) -> list[IngestWarning]:
    warnings = []
    for later, earlier in _FUNNEL_PAIRS:
        a, b = getattr(month, later), getattr(month, earlier)
        if a is not None and b is not None and a > b:
            warnings.append(
                _warn(
                    source,
                    month.row,
                    f"{label(later, 'ja')} ({a:,}) is larger than {label(earlier, 'ja')} "
                    f"({b:,}) in {month.month} — check the columns; the funnel report will flag it",
                )
            )
    return warnings


def kpi_from_table(
    table: Table, columns: Columns, *, source: str
) -> tuple[list[KpiMonth], list[IngestWarning]]:
    """One ``KpiMonth`` per data row; a month (with its segment) may appear only once."""
    reader = _Reader(table, columns, source=source)
    used = {i for i in reader.at.values() if i is not None}
    months: list[KpiMonth] = []
    warnings: list[IngestWarning] = []
    seen: dict[tuple[str, str | None], int] = {}
    for row in table.rows:
        period = reader.month(row)
        if period is None:
            what = "a note under the table" if _is_footnote(row) else "a totals row"
            warnings.append(_warn(source, row.number, f"{what} — skipped"))
            continue
        segment_at = reader.at["segment"]
        segment = None
        if segment_at is not None:
            segment = normalize_cell(row.cells[segment_at]) or None
        key = (period, segment)
        if key in seen:
            where = f"{period} ({segment})" if segment else period
            raise IngestError(
                f"month {where} appears twice (rows {seen[key]} and {row.number}) — keep one "
                "row per month" + ("" if segment_at is not None else ", or add a segment column"),
                path=source,
                row=row.number,
            )
        seen[key] = row.number
        values = {name: reader.number(row, name) for name in VALUE_FIELDS}
        targets = {
            name.removeprefix("target_"): value
            for name in TARGET_FIELDS
            if (value := reader.number(row, name)) is not None
        }
        month = KpiMonth(
            month=period,
            row=row.number,
            targets=targets,
            segment=segment,
            extra={
                table.header[i]: normalize_cell(cell)
                for i, cell in enumerate(row.cells)
                if i not in used and not is_blank(cell)
            },
            **values,
        )
        if all(v is None for v in values.values()):
            if not targets:
                warnings.append(_warn(source, row.number, f"{period} has no numbers — skipped"))
                continue
            warnings.append(
                _warn(source, row.number, f"{period} has targets but no actual numbers")
            )
        warnings.extend(_check_funnel(month, source))
        months.append(month)
    if not months:
        raise IngestError("has no month with numbers — fill in at least one row", path=source)
    parts = _segment_columns(table, reader, used)
    if parts is not None:
        field, columns = parts
        months += _segment_rows(table, months, field, columns)
        used |= set(columns)
        names = ", ".join(f"'{table.header[i]}'" for i in columns)
        warnings.append(
            IngestWarning(
                path=source,
                message=f"columns {names} add up to '{table.header[reader.at[field]]}' in "
                f"every month: read as its breakdown by segment (チャネル別)",
            )
        )
    warnings.extend(_unused_columns(table, used, source))
    return months, warnings


def _count(value: object) -> int | None:
    if _is_empty(value):
        return None
    try:
        return parse_int(value)
    except ValueError:
        return None


def _segment_columns(table: Table, reader: _Reader, used: set[int]) -> tuple[str, list[int]] | None:
    """Unknown columns of counts that add up to a known count column in (almost) every row:
    the same figure broken down by channel or segment (展示会 | ウェビナー | … | リード合計)."""
    if reader.at["segment"] is not None:
        return None
    candidates = [
        i
        for i, header in enumerate(table.header)
        if i not in used and meaning(header).status == "unknown"
        and all(_count(r.cells[i]) is not None or _is_empty(r.cells[i]) for r in table.rows)
    ]  # fmt: skip
    if len(candidates) < 2:
        return None
    for field in ("leads", "mql", "sql", "opportunities", "won"):
        at = reader.at[field]
        if at is None:
            continue
        checked = matched = 0
        for row in table.rows:
            total = _count(row.cells[at])
            parts = [_count(row.cells[i]) for i in candidates]
            if total is None or any(p is None for p in parts):
                continue
            checked += 1
            matched += sum(p for p in parts if p is not None) == total
        if checked >= 2 and matched >= 0.8 * checked:
            return field, candidates
    return None


def _segment_rows(
    table: Table, months: list[KpiMonth], field: str, columns: list[int]
) -> list[KpiMonth]:
    by_row = {m.row: m for m in months}
    out = []
    for row in table.rows:
        total = by_row.get(row.number)
        if total is None:
            continue
        for i in columns:
            value = _count(row.cells[i])
            if value is not None:
                out.append(
                    KpiMonth(
                        month=total.month, row=row.number, segment=table.header[i], **{field: value}
                    )  # fmt: skip
                )
    return out


def _unused_columns(table: Table, used: set[int], source: str) -> list[IngestWarning]:
    """Every column the report will not use, named with why and what to do."""
    out = []
    for i, header in enumerate(table.header):
        if i in used or all(is_blank(r.cells[i]) for r in table.rows):
            continue
        found = meaning(header)
        if found.status == "derived":
            why = "is a ratio or unit cost that Axis computes itself from the counts and money"
            fix = "its values are kept as text and not used"
        elif found.status == "forecast":
            why = "is a forecast (見込み), not an actual or a target"
            fix = "kept as text; map it with --map if it is really an actual or a target"
        else:
            hint = closest_field(header, KPI_INPUTS)
            why = "is not a KPI Axis knows"
            fix = "kept as text and not used in reports; " + (
                f"if it is {hint}, pass --map '{header}={hint}'"
                if hint
                else f"to use it as a figure, pass --map '{header}=FIELD' (FIELD: "
                + ", ".join(KPI_INPUTS[:7])
                + ", target_…)"
            )
        out.append(
            IngestWarning(path=source, message=f"column '{header}' {why} — {fix}", column=header)
        )
    return out


def _figures(values: dict[str, int | None]) -> str:
    parts = []
    for name, value in values.items():
        if value is not None:
            unit = "円" if name in ("spend", "revenue") else "件"
            parts.append(f"{label(name, 'ja')} {value:,}{unit}")
    return "、".join(parts)


def kpi_unit(month: KpiMonth) -> TextUnit:
    """A Japanese sentence with the month's numbers, so a question about a month finds it."""
    year, number = month.month.split("-")
    label = f"{year}年{int(number)}月" + (f"（{month.segment}）" if month.segment else "")
    actual = _figures({name: getattr(month, name) for name in VALUE_FIELDS})
    text = f"{label}のKPI: {actual or '実績なし'}。"
    if month.targets:
        ordered = {name: month.targets.get(name) for name in VALUE_FIELDS}
        text += f"目標: {_figures(ordered)}。"
    if month.extra:
        text += "その他: " + "、".join(f"{k} {v}" for k, v in month.extra.items()) + "。"
    metadata: dict[str, MetaValue] = {"month": month.month, "row": month.row}
    if month.segment:
        metadata["segment"] = month.segment
    return TextUnit(text=text, metadata=metadata)
