"""KPI snapshots: one month (optionally one segment) a row of funnel counts, money, targets.

Numbers here feed every rate, CPL and achievement figure Axis shows, so a cell that is not
a number refuses the whole file (with row, column, the value and what to do) — reading it as
zero or skipping it would silently change a report.  A blank cell is ``None`` ("not in the
data"), never 0.  Oddities a real export can legitimately have (MQL above leads after a
re-scoring, a plan month with targets only) are warnings: the analytics report them too.
"""

from __future__ import annotations

from assistant.domain import IngestWarning, KpiMonth, MetaValue, TextUnit
from assistant.domain.kpi import VALUE_FIELDS
from assistant.errors import IngestError
from assistant.ingest.columns import MONEY_FIELDS, Columns, unit_scale
from assistant.ingest.tabular import Table, TableRow, is_blank
from assistant.text.labels import label
from assistant.text.normalize import nfkc, normalize_cell, parse_int, parse_period, parse_yen

TARGET_FIELDS: tuple[str, ...] = tuple(f"target_{name}" for name in VALUE_FIELDS)
# Cells that mean "no figure" in Japanese and English spreadsheets.
_NO_VALUE = frozenset({"-", "–", "—", "―", "‐", "n/a", "na", "#n/a"})
# Rows a spreadsheet adds under the months; Axis computes totals itself.
_TOTAL_ROWS = frozenset({"合計", "計", "小計", "総計", "平均", "total", "subtotal", "average"})
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
        self.scale = {
            name: unit_scale(table.header[i], money=name in MONEY_FIELDS, source=source)
            for name, i in self.at.items()
            if i is not None and name not in ("month", "segment")
        }

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
        if isinstance(value, str) and "".join(nfkc(value).lower().split()) in _TOTAL_ROWS:
            return None
        try:
            return parse_period(value)
        except ValueError as exc:
            raise IngestError(
                f"'{normalize_cell(value)}' {exc} — write the month like 2026-09 or 2026年9月",
                path=self.source,
                row=row.number,
                column=column,
            ) from exc


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
            warnings.append(_warn(source, row.number, "a totals row — skipped"))
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
    return months, warnings


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
