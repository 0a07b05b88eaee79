"""CRM/MA exports (HubSpot, Salesforce, Marketo, Pardot, SATORI, BowNow, Kairos3, kintone)
→ the monthly funnel.

    result = import_export(path, system="hubspot")      # read, validate, aggregate
    store_import(store, result, file_hash=...)           # becomes the source's KPI months

Aggregation is by **event month** (ARCHITECTURE.md): a record counts toward a stage in the
month of that stage's date — leads by creation date, MQL/SQL/customer by the date it became
one, won deals and revenue by close date — and a blank date counts nowhere.  A stage the
export has no column for is ``None`` ("not in the data"), never 0; a month inside the
export's range with no events is 0.  ``cohort`` is the separate, labelled view by creation
month: of the records created in a month, how many ever reached each stage.

Rows are validated with their row numbers and skipped — listed, never dropped silently —
when a date or amount cannot be read, a won flag is neither yes nor no, a won deal's amount
is in another currency, a record ID repeats (the first occurrence counts), or a row has no
stage date at all.  Everything runs on whole columns (see ``crm_parse``), so a 1,000,000-row
export aggregates in about the time pandas needs to read and group it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from pydantic import BaseModel, Field

from assistant.analytics.crm.counts import CohortRow, Events, cohort, monthly
from assistant.analytics.crm.mappings import (
    FALSE_WORDS,
    SYSTEMS,
    TRUE_WORDS,
    WON_STAGES,
    YEN_CURRENCIES,
)
from assistant.analytics.crm.parse import (
    BLANK,
    in_set,
    month_codes,
    nonblank,
    normalized,
    word_flags,
    yen_amounts,
)
from assistant.analytics.crm.read import RawExport, _read_exact, read_export
from assistant.domain import KpiMonth, LoadedFile
from assistant.errors import IngestError
from assistant.ingest.kpi import kpi_unit
from assistant.ingest.tabular import Table

if TYPE_CHECKING:
    from assistant.retrieval.store import KnowledgeStore

_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx")
_NO_CHANNEL = "(blank)"

__all__ = ["CohortRow", "CrmImport", "SkippedRow", "import_bytes", "import_export", "store_import"]


class SkippedRow(BaseModel):
    row: int
    reason: str


class CrmImport(BaseModel):
    source: str
    system: str = Field(default="", description="The tool recognised, e.g. hubspot.")
    report: str = Field(description="Which mapping read the file, e.g. hubspot-contacts.")
    title: str
    records: int = Field(description="Rows aggregated (skipped rows not included).")
    columns: dict[str, str] = Field(description="role -> the header it was read from")
    months: list[KpiMonth]
    skipped: list[SkippedRow]
    cohort: list[CohortRow] = Field(default_factory=list)
    file_hash: str = ""

    def month_list(self) -> list[str]:
        return sorted({m.month for m in self.months})

    def as_json(self, *, cohort: bool = False) -> dict[str, object]:
        doc: dict[str, object] = {
            "records": self.records,
            "months": self.month_list(),
            "skipped": [s.model_dump() for s in self.skipped],
            "report": self.report,
            "tool": self.system,
        }
        if cohort:
            doc["cohort"] = [c.model_dump() for c in self.cohort]
        return doc


def import_export(
    path: Path,
    *,
    system: str,
    source: str | None = None,
    by_channel: bool = False,
    max_bytes: int | None = None,
    overrides: dict[str, str] | None = None,
) -> CrmImport:
    """Read and aggregate one export file on disk."""
    source = source or path.name
    if not path.is_file():
        raise IngestError("does not exist or is not a file — check the path", path=source)
    size = path.stat().st_size
    if max_bytes is not None and size > max_bytes:
        raise IngestError(
            f"is {size / 2**20:.0f} MB, more than the {max_bytes / 2**20:.0f} MB limit — raise "
            "AXIS_MAX_IMPORT_MB or export a shorter period",
            path=source,
        )
    return import_bytes(
        path.read_bytes(),
        filename=path.name,
        system=system,
        source=source,
        by_channel=by_channel,
        overrides=overrides,
    )


def import_bytes(
    data: bytes,
    *,
    filename: str,
    system: str,
    source: str | None = None,
    by_channel: bool = False,
    overrides: dict[str, str] | None = None,
    table: Table | None = None,
) -> CrmImport:
    """Read and aggregate an export's bytes (a browser upload, or a file's contents).

    ``system`` is a tool (``hubspot``, ``salesforce``, ``marketo`` …) or ``auto``;
    ``overrides`` names columns the tool calls something else (``{"案件登録日": "created"}``);
    ``table`` is the sheet already read (a workbook met while ingesting a folder).
    """
    source = source or Path(filename).name
    if system != "auto" and system not in SYSTEMS:
        raise IngestError(
            f"unknown CRM/MA tool '{system}' — choose one of {', '.join(SYSTEMS)} (or auto)",
            path=source,
        )
    suffix = Path(filename).suffix.lower()
    if suffix not in _SUFFIXES:
        raise IngestError(
            f"has suffix '{suffix}' — export the report as CSV or Excel (.xlsx)", path=source
        )
    if table is not None:
        raw = _read_exact(
            data, suffix=suffix, system=system, source=source, channel=by_channel,
            overrides=overrides, table=table,
        )  # fmt: skip
    else:
        raw = read_export(
            data, suffix=suffix, system=system, source=source, channel=by_channel,
            overrides=overrides,
        )  # fmt: skip
    result = aggregate(raw, source=source, by_channel=by_channel)
    result.file_hash = hashlib.sha256(data).hexdigest()
    return result


class _Problems:
    """Reasons per position, first reason first; turned into skipped rows at the end."""

    def __init__(self, raw: RawExport) -> None:
        self.raw = raw
        self.bad = np.zeros(len(raw), dtype=bool)
        self.reasons: dict[int, list[str]] = {}

    def add(self, role: str, problems: dict[int, str]) -> None:
        column = self.raw.used.get(role, role)
        for position, reason in problems.items():
            self.reasons.setdefault(position, []).append(f"column '{column}': {reason}")
            self.bad[position] = True

    def mark(self, mask: np.ndarray, reason: str) -> None:
        for position in np.flatnonzero(mask & ~self.bad):
            self.reasons.setdefault(int(position), []).append(reason)
        self.bad |= mask

    def skipped(self) -> list[SkippedRow]:
        rows = [
            SkippedRow(row=int(self.raw.rows[p]), reason="; ".join(r))
            for p, r in self.reasons.items()
        ]
        rows += [SkippedRow(row=row, reason=reason) for row, reason in self.raw.not_records]
        return sorted(rows, key=lambda s: s.row)


def _won(raw: RawExport, problems: _Problems) -> np.ndarray:
    """Which records count as won (before their date is looked at)."""
    n = len(raw)
    if not raw.mapping.won_gate:
        return np.ones(n, dtype=bool)
    if "won_flag" in raw.columns:
        flags, bad = word_flags(raw.columns["won_flag"], true=TRUE_WORDS, false=FALSE_WORDS)
        problems.add("won_flag", bad)
        return flags
    return in_set(raw.columns["stage"], WON_STAGES)


def _duplicates(raw: RawExport, problems: _Problems) -> None:
    ids = raw.columns.get("record_id")
    if ids is None:
        return
    present = nonblank(ids)
    distinct = len(pc.unique(ids))  # hashes like count_distinct, measured ~2× faster
    if distinct == int(present.sum()) + int(not present.all()):
        return
    values = ids.to_pylist()
    first: dict[str, int] = {}
    repeated = np.zeros(len(values), dtype=bool)
    for i in np.flatnonzero(present & ~problems.bad):  # the first *usable* occurrence counts
        value = values[i]
        if value in first:
            repeated[i] = True
        else:
            first[value] = i
    for position in np.flatnonzero(repeated):
        value = values[position]
        problems.reasons.setdefault(int(position), []).append(
            f"record ID '{value}' repeats row {int(raw.rows[first[value]])} — counted once"
        )
    problems.bad |= repeated


def aggregate(raw: RawExport, *, source: str, by_channel: bool = False) -> CrmImport:
    """Validate every row and count the valid ones by event month."""
    mapping = raw.mapping
    problems = _Problems(raw)
    filled = np.zeros(len(raw), dtype=bool)
    for column in raw.columns.values():
        filled |= nonblank(column)
    problems.mark(~filled, "blank row")
    dates: dict[str, np.ndarray] = {}
    for role in mapping.events.values():
        if role in raw.columns and role not in dates:
            dates[role], bad = month_codes(raw.columns[role])
            problems.add(role, bad)
    if not dates:
        raise IngestError(
            "has none of the date columns a funnel needs — expected "
            + ", ".join(f"'{mapping.columns[r][0]}'" for r in mapping.events.values()),
            path=source,
        )
    any_date = np.zeros(len(raw), dtype=bool)
    for codes in dates.values():
        any_date |= codes != BLANK
    problems.mark(filled & ~any_date, "no stage date — the record counts nowhere")
    won = _won(raw, problems)
    won_role = mapping.events.get("won")
    won_month = dates.get(won_role, np.full(len(raw), BLANK)) if won_role else None
    amounts = _amounts(raw, problems, won, won_month)
    _duplicates(raw, problems)
    events = Events(mapping=mapping, dates=dates, won=won, amounts=amounts, valid=~problems.bad)
    channels = _channels(raw) if by_channel else None
    return CrmImport(
        source=source,
        system=mapping.system,
        report=mapping.name,
        title=mapping.title,
        records=int(events.valid.sum()),
        columns=dict(raw.used),
        months=monthly(events, channels),
        skipped=problems.skipped(),
        cohort=cohort(events),
    )


def _amounts(
    raw: RawExport, problems: _Problems, won: np.ndarray, won_month: np.ndarray | None
) -> np.ndarray | None:
    """Yen per record for won records with a won date (0 elsewhere); ``None`` = no column."""
    role = raw.mapping.revenue
    if role is None or role not in raw.columns or won_month is None:
        return None
    counted = np.flatnonzero(won & (won_month != BLANK))
    values, bad = yen_amounts(raw.columns[role], counted, scale=raw.amount_scale)
    problems.add(role, bad)
    negative = np.zeros(len(raw), dtype=bool)
    negative[counted[values < 0]] = True
    problems.mark(negative, f"column '{raw.used[role]}': a won deal's amount is negative")
    if "currency" in raw.columns and len(counted):
        currency = normalized(raw.columns["currency"].take(pa.array(counted)))
        foreign = ~pc.is_in(currency, value_set=pa.array(sorted(YEN_CURRENCIES))).to_numpy(
            zero_copy_only=False
        )
        mask = np.zeros(len(raw), dtype=bool)
        mask[counted[foreign]] = True
        problems.mark(
            mask,
            f"column '{raw.used['currency']}': the amount is not in yen — filter the report "
            "to JPY or convert the amounts",
        )
    amounts = np.zeros(len(raw), dtype=np.int64)
    amounts[counted] = values
    return amounts


def _channels(raw: RawExport) -> tuple[np.ndarray, list[str]] | None:
    role = raw.mapping.channel
    if role is None or role not in raw.columns:
        return None
    column = raw.columns[role]
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks()
    encoded = pc.dictionary_encode(pc.utf8_trim_whitespace(column))
    names = [name or _NO_CHANNEL for name in encoded.dictionary.to_pylist()]
    return encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64), names


def to_loaded_file(result: CrmImport) -> LoadedFile:
    """The import as a KPI document: one searchable sentence and one stored row per month."""
    return LoadedFile(
        source=result.source,
        kind="kpi",
        title=f"{result.title}: {result.source}",
        units=[kpi_unit(m) for m in result.months],
        metadata={"import": result.report, "tool": result.system, "records": result.records},
        kpi_months=result.months,
    )


def store_import(store: KnowledgeStore, result: CrmImport) -> bool:
    """Make the import the KPI months of its source (replacing that source's rows).

    Goes through the knowledge store, so the months are searchable, listed by `axis docs
    list`, removed by `axis docs delete`, and written under the store's lock.
    """
    from assistant.ingest.chunking import chunk_file, make_splitter

    if not result.months:
        raise IngestError(
            "has no record with a readable stage date — nothing to import (see skipped rows)",
            path=result.source,
        )
    loaded = to_loaded_file(result)
    splitter = make_splitter(
        store.embedder.token_count,
        chunk_tokens=store.settings.chunk_tokens,
        overlap_tokens=store.settings.chunk_overlap_tokens,
    )
    added = store.add_file(loaded, chunk_file(loaded, splitter), file_hash=result.file_hash)
    return bool(added.written)
