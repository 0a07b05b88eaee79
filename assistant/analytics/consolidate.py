"""From stored KPI rows to one set of figures per month (or per month and segment).

The loaders refuse files that cannot be right and warn about odd ones; this module re-checks
what is *stored*, because rows arrive from several files and tools (a spreadsheet, a HubSpot
import, a Salesforce import) and only together can they be inconsistent.  Every problem
becomes a ``data`` finding that names the file, row and column; nothing is dropped silently:

- a negative count, spend or target is not used (the figure becomes "not in the data");
- **one source of truth per figure.**  When several rows hold the same month, each figure is
  taken from the first row that has it, in this order: rows from the source the workspace
  names for that figure (``SourcePolicy``: 「受注と売上はSalesforce」), then KPI sheets, then
  CRM/MA imports (counted by event month); among sheets (or imports), the most recently
  ingested first.  So the director's sheet is the truth for every figure and month it has,
  and an import fills only what the sheet lacks.  File names never decide;
- a different figure in a row that lost is a conflict; conflicts are summarised once per
  figure and pair of files (the months and both values), and figures an import filled in
  are reported once per figure;
- without ``by_segment``, a month's segment rows are summed, unless the data also has a
  total row for that month (then the total is used and a disagreeing sum is reported);
- calendar months missing between the first and the last month are reported.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from assistant.analytics.models import Finding, Unit, q
from assistant.db.records import StoredKpiMonth
from assistant.domain.grounding import Location
from assistant.domain.kpi import COUNT_FIELDS, VALUE_FIELDS, MonthFigures
from assistant.errors import AnalyticsError
from assistant.ingest.columns import header_key
from assistant.text.labels import label
from assistant.text.months import month_at, month_index
from assistant.text.normalize import parse_yen

MERGED_FIELDS: tuple[str, ...] = (*VALUE_FIELDS, "attributable_revenue")
# Header names (in a KPI file's extra columns) of revenue attributable to marketing.
ATTRIBUTABLE_HEADERS: frozenset[str] = frozenset(
    header_key(name)[0]
    for name in (
        "マーケティング貢献売上",
        "マーケ貢献売上",
        "マーケ起点売上",
        "マーケティング起点売上",
        "マーケティング経由売上",
        "attributable revenue",
        "marketing attributable revenue",
        "marketing sourced revenue",
        "marketing-sourced revenue",
        "sourced revenue",
    )
)
_FUNNEL_PAIRS = (("mql", "leads"), ("sql", "mql"), ("won", "sql"))
EVENT_MONTH_KEY = "集計方法"  # set by CRM imports (crm_counts.EVENT_MONTH)


def field_label(name: str) -> str:
    return label(name, "ja")


def _loc(stored: StoredKpiMonth, column: str | None = None) -> Location:
    return Location(source=stored.source, row=stored.month.row, column=column)


def _row_figures(stored: StoredKpiMonth, findings: list[Finding]) -> MonthFigures:
    """One stored row as figures, with negative and unreadable cells reported and unused."""
    m = stored.month
    values: dict[str, int | None] = {name: getattr(m, name) for name in VALUE_FIELDS}
    for name in (*COUNT_FIELDS, "spend"):
        value = values[name]
        if value is not None and value < 0:
            findings.append(
                _negative(stored, name, value, unit="yen" if name == "spend" else "count")
            )
            values[name] = None
    targets = {}
    for name, value in m.targets.items():
        if value < 0:
            findings.append(_negative(stored, f"target_{name}", value, unit="count"))
        else:
            targets[name] = value
    figures = MonthFigures(
        month=m.month,
        segment=m.segment,
        targets=targets,
        locations=[_loc(stored)],
        attributable_revenue=_attributable(stored, findings),
        event_month=EVENT_MONTH_KEY in m.extra,
        **values,
    )
    if not figures.has_actuals() and targets:
        findings.append(
            Finding(
                code="targets_without_actuals",
                category="data",
                severity="info",
                months=[m.month],
                locations=[_loc(stored)],
            )
        )
    return figures


def _negative(stored: StoredKpiMonth, name: str, value: int, *, unit: str) -> Finding:
    return Finding(
        code="negative_value",
        category="data",
        stage=name,
        months=[stored.month.month],
        numbers={"value": q(value, "yen" if unit == "yen" else "count")},
        locations=[_loc(stored, field_label(name.removeprefix("target_")))],
        detail={"field": name},
    )


def _attributable(stored: StoredKpiMonth, findings: list[Finding]) -> int | None:
    for column, text in stored.month.extra.items():
        if header_key(column)[0] not in ATTRIBUTABLE_HEADERS:
            continue
        try:
            return parse_yen(text)
        except ValueError:
            findings.append(
                Finding(
                    code="not_a_number",
                    category="data",
                    stage="attributable_revenue",
                    months=[stored.month.month],
                    locations=[_loc(stored, column)],
                    detail={"value": text},
                )
            )
    return None


@dataclass(frozen=True)
class SourcePolicy:
    """Which source a figure is taken from when several rows hold it (a workspace setting).

    ``by_field`` maps a figure (``won``, ``revenue``, ``sql``) to ``sheet`` (the KPI
    sheets), ``crm`` (any CRM/MA import) or a tool (``salesforce``, ``hubspot``).  Figures
    it does not name follow the default: sheets first, then imports.
    """

    by_field: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def parse(cls, text: str) -> SourcePolicy:
        """``"won=salesforce, revenue=salesforce"`` → a policy; a bad entry is refused."""
        from assistant.analytics.crm.mappings import SYSTEMS

        chosen: dict[str, str] = {}
        for part in filter(None, (p.strip() for p in text.replace("、", ",").split(","))):
            name, _, where = (x.strip().lower() for x in part.partition("="))
            if name not in MERGED_FIELDS or not where:
                raise AnalyticsError(
                    f"'{part}' is not FIGURE=SOURCE — figures: {', '.join(VALUE_FIELDS)}",
                    ja=f"「{part}」は 指標=データ元 の形ではありません（指標: "
                    f"{', '.join(VALUE_FIELDS)}）",
                )
            if where not in ("sheet", "crm", *SYSTEMS):
                raise AnalyticsError(
                    f"unknown source '{where}' for {name} — use sheet, crm or a tool "
                    f"({', '.join(SYSTEMS)})",
                    ja=f"{label(name, 'ja')}のデータ元「{where}」は分かりません — sheet、crm "
                    f"またはツール名（{', '.join(SYSTEMS)}）を指定してください",
                )
            chosen[name] = where
        return cls(chosen)

    def as_text(self) -> str:
        return ", ".join(f"{k}={v}" for k, v in self.by_field.items())

    def prefers(self, name: str, row: _Row) -> bool:
        where = self.by_field.get(name)
        if where is None:
            return False
        if where == "sheet":
            return row.tool is None
        if where == "crm":
            return row.tool is not None
        return row.tool == where


@dataclass(frozen=True)
class _Row:
    """A stored row's figures with what decides between rows: its tool and ingestion."""

    figures: MonthFigures
    source: str
    number: int
    tool: str | None
    ingested: float

    def default_rank(self) -> tuple[int, float, str, int]:
        return (0 if self.tool is None else 1, -self.ingested, self.source, self.number)


@dataclass
class _Ledger:
    """What merging decided, kept to be summarised into a few findings at the end."""

    conflicts: dict[tuple[str, str, str], list[tuple[str, int, int, Location, Location]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    filled: dict[tuple[str, str], list[tuple[str, Location]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    duplicates: dict[tuple[str, ...], list[tuple[str, list[Location]]]] = field(
        default_factory=lambda: defaultdict(list)
    )


def _merge(
    group: Sequence[_Row], policy: SourcePolicy, ledger: _Ledger, *, has_sheets: bool
) -> MonthFigures:
    """Rows for one (month, segment): figure by figure, the first row in rank order wins."""
    ranked = sorted(group, key=_Row.default_rank)
    first = ranked[0].figures
    if len(ranked) == 1:
        return first
    merged = first.model_copy(deep=True)
    merged.targets = {}
    _note_duplicates(ranked, ledger)
    used: list[_Row] = []
    for name in MERGED_FIELDS:
        _merge_field(ranked, name, merged, policy, ledger, used, has_sheets=has_sheets)
    for name in sorted({k for r in ranked for k in r.figures.targets}):
        _merge_field(ranked, f"target_{name}", merged, policy, ledger, used, has_sheets=False)
    merged.locations = [loc for r in used for loc in r.figures.locations]
    merged.event_month = any(r.tool is not None for r in used)
    return merged


def _note_duplicates(ranked: Sequence[_Row], ledger: _Ledger) -> None:
    """Two sheets (or two rows of one import) for a month: not an import filling a sheet."""
    for is_import in (False, True):
        same = [r for r in ranked if (r.tool is not None) == is_import]
        if len(same) > 1:
            sources = tuple(sorted({r.source for r in same}))
            locations = [loc for r in same for loc in r.figures.locations]
            ledger.duplicates[sources].append((same[0].figures.month, locations))


def _value(row: _Row, name: str) -> int | None:
    if name.startswith("target_"):
        return row.figures.targets.get(name.removeprefix("target_"))
    return row.figures.value(name)


def _merge_field(
    ranked: Sequence[_Row],
    name: str,
    merged: MonthFigures,
    policy: SourcePolicy,
    ledger: _Ledger,
    used: list[_Row],
    *,
    has_sheets: bool,
) -> None:
    order = sorted(ranked, key=lambda r: (not policy.prefers(name, r), r.default_rank()))
    present = [(r, v) for r in order if (v := _value(r, name)) is not None]
    if not present:
        return
    winner, value = present[0]
    if name.startswith("target_"):
        merged.targets[name.removeprefix("target_")] = value
    else:
        setattr(merged, name, value)
    loc = _field_location(winner, name)
    merged.origins[name] = loc
    if winner not in used:
        used.append(winner)
    if winner.tool is not None and has_sheets and not policy.prefers(name, winner):
        ledger.filled[(name, winner.source)].append((merged.month, loc))
    for other, other_value in present[1:]:
        if other_value != value and other.source != winner.source:
            key = (name, winner.source, other.source)
            ledger.conflicts[key].append(
                (merged.month, value, other_value, loc, _field_location(other, name))
            )


def _field_location(row: _Row, name: str) -> Location:
    loc = row.figures.locations[0]
    return loc.model_copy(update={"column": field_label(name.removeprefix("target_"))})


def _ledger_findings(ledger: _Ledger, policy: SourcePolicy) -> list[Finding]:
    findings = []
    for sources, hits in ledger.duplicates.items():
        months = sorted({m for m, _ in hits}, key=month_index)
        findings.append(
            Finding(
                code="duplicate_month",
                category="data",
                months=months,
                locations=[loc for _, locs in hits[:1] for loc in locs],
                detail={"sources": "、".join(sources)},
            )
        )
    for (name, used, other), hits in ledger.conflicts.items():
        unit: Unit = "yen" if name.endswith(("spend", "revenue")) else "count"
        hits.sort(key=lambda h: month_index(h[0]))
        numbers = {}
        for month, value, other_value, _, _ in hits:
            numbers[f"used@{month}"] = q(value, unit)
            numbers[f"other@{month}"] = q(other_value, unit)
        chosen = policy.by_field.get(name.removeprefix("target_"))
        findings.append(
            Finding(
                code="source_conflict",
                category="data",
                severity="info",
                stage=name,
                months=[h[0] for h in hits],
                numbers=numbers,
                locations=[hits[0][3], hits[0][4]],
                detail={
                    "field": name,
                    "used_source": used,
                    "other_source": other,
                    "rule": "setting" if chosen else "default",
                },
            )
        )
    for (name, source), hits in ledger.filled.items():
        findings.append(
            Finding(
                code="filled_from_import",
                category="data",
                severity="info",
                stage=name,
                months=sorted({m for m, _ in hits}, key=month_index),
                locations=[hits[0][1]],
                detail={"field": name, "source": source},
            )
        )
    return findings


def _sum_segments(
    month: str, parts: Sequence[MonthFigures], findings: list[Finding]
) -> MonthFigures:
    """A month's total from its segment rows; a figure some segments lack is not summed."""
    total = MonthFigures(
        month=month,
        locations=[loc for p in parts for loc in p.locations],
        event_month=any(p.event_month for p in parts),
    )
    for name in MERGED_FIELDS:
        values = [p.value(name) for p in parts]
        known = [v for v in values if v is not None]
        if known and len(known) == len(values):
            setattr(total, name, sum(known))
        elif known:
            findings.append(_partial(month, name, parts, values))
    for name in sorted({k for p in parts for k in p.targets}):
        values = [p.targets.get(name) for p in parts]
        known = [v for v in values if v is not None]
        if len(known) == len(values):
            total.targets[name] = sum(known)
        else:
            findings.append(_partial(month, f"target_{name}", parts, values))
    return total


def _partial(
    month: str, name: str, parts: Sequence[MonthFigures], values: list[int | None]
) -> Finding:
    missing = [p.segment or "-" for p, v in zip(parts, values, strict=True) if v is None]
    return Finding(
        code="partial_segments",
        category="data",
        stage=name,
        months=[month],
        locations=[loc for p in parts for loc in p.locations],
        detail={"field": name, "segments": ", ".join(missing)},
    )


def _check_total(
    total: MonthFigures, parts: Sequence[MonthFigures], findings: list[Finding]
) -> None:
    for name in VALUE_FIELDS:
        values = [v for p in parts if (v := p.value(name)) is not None]
        used = total.value(name)
        if used is None or len(values) < len(parts) or sum(values) == used:
            continue
        unit = "yen" if name in ("spend", "revenue") else "count"
        findings.append(
            Finding(
                code="segment_total_mismatch",
                category="data",
                stage=name,
                months=[total.month],
                numbers={"total": q(used, unit), "segments": q(sum(values), unit)},
                locations=total.locations[:1] + [loc for p in parts for loc in p.locations],
                detail={"field": name},
            )
        )


def _check_funnel(figures: MonthFigures, findings: list[Finding]) -> None:
    for later, earlier in _FUNNEL_PAIRS:
        a, b = figures.value(later), figures.value(earlier)
        if a is not None and b is not None and a > b:
            findings.append(
                Finding(
                    # by event month, deals that became SQL last month can close this month
                    code="event_month_inversion" if figures.event_month else "funnel_inversion",
                    category="data",
                    severity="info" if figures.event_month else "warning",
                    stage=later,
                    months=[figures.month],
                    numbers={"later_count": q(a, "count"), "earlier_count": q(b, "count")},
                    locations=[
                        loc.model_copy(update={"column": field_label(later)})
                        for loc in figures.locations
                    ],
                    detail={"later": later, "earlier": earlier},
                )
            )


def _gaps(months: Iterable[str]) -> list[Finding]:
    present = sorted(set(months), key=month_index)
    findings = []
    for before, after in zip(present, present[1:], strict=False):
        gap = [month_at(i) for i in range(month_index(before) + 1, month_index(after))]
        if gap:
            findings.append(
                Finding(
                    code="missing_month",
                    category="data",
                    months=gap,
                    numbers={"count": q(len(gap), "months")},
                )
            )
    return findings


def consolidate(
    stored: Sequence[StoredKpiMonth],
    *,
    by_segment: bool = False,
    segment: str | None = None,
    source: str | None = None,
    policy: SourcePolicy | None = None,
) -> tuple[list[MonthFigures], list[Finding]]:
    """Figures per month (per month and segment with ``by_segment``), and data findings.

    ``segment``/``source`` keep only that segment's or that file's rows; ``policy`` names
    the source of a figure when several rows hold it (default: sheets, then imports).
    """
    policy = policy or SourcePolicy()
    findings: list[Finding] = []
    ledger = _Ledger()
    rows = [
        s
        for s in stored
        if (source is None or s.source == source)
        and (segment is None or s.month.segment == segment)
    ]
    rows.sort(key=lambda s: (s.month.month, s.month.segment or "", s.source, s.month.row))
    has_sheets = any(s.tool is None for s in rows)
    groups: dict[tuple[str, str | None], list[_Row]] = defaultdict(list)
    for s in rows:
        ingested = s.ingested_at.timestamp() if s.ingested_at else 0.0
        figures = _row_figures(s, findings)
        groups[(s.month.month, s.month.segment)].append(
            _Row(figures, s.source, s.month.row, s.tool, ingested)
        )
    merged = {
        key: _merge(group, policy, ledger, has_sheets=has_sheets) for key, group in groups.items()
    }
    findings.extend(_ledger_findings(ledger, policy))
    if by_segment:
        result = list(merged.values())
    else:
        by_month: dict[str, list[MonthFigures]] = defaultdict(list)
        for (month, _segment), figures in merged.items():
            by_month[month].append(figures)
        result = []
        for month, parts in by_month.items():
            total = next((p for p in parts if p.segment is None), None)
            segments = [p for p in parts if p.segment is not None]
            if total is None:
                result.append(_sum_segments(month, segments, findings))
                continue
            if segments:
                _check_total(total, segments, findings)
            result.append(total)
    result.sort(key=lambda f: (month_index(f.month), f.segment or ""))
    for figures in result:
        _check_funnel(figures, findings)
    findings.extend(_gaps(f.month for f in result))
    findings.extend(_missing_values(result))
    return result, findings


def _missing_values(result: Sequence[MonthFigures]) -> list[Finding]:
    """A figure the data has for some months but not for others (with actuals)."""
    with_actuals = [f for f in result if f.has_actuals()]
    findings = []
    for name in VALUE_FIELDS:
        missing = [f for f in with_actuals if f.value(name) is None]
        if missing and len(missing) < len(with_actuals):
            findings.append(
                Finding(
                    code="missing_value",
                    category="data",
                    severity="info",
                    stage=name,
                    months=sorted({f.month for f in missing}, key=month_index),
                    locations=[loc for f in missing for loc in f.locations],
                    detail={"field": name},
                )
            )
    return findings
