"""From stored KPI rows to one set of figures per month (or per month and segment).

The loaders refuse files that cannot be right and warn about odd ones; this module re-checks
what is *stored*, because rows arrive from several files and tools (a spreadsheet, a HubSpot
import, a Salesforce import) and only together can they be inconsistent.  Every problem
becomes a ``data`` finding that names the file, row and column; nothing is dropped silently:

- a negative count, spend or target is not used (the figure becomes "not in the data");
- the same month from two rows is merged field by field — the first row in (source, row)
  order that has a figure wins — and a different figure in another row is a conflict;
- without ``by_segment``, a month's segment rows are summed, unless the data also has a
  total row for that month (then the total is used and a disagreeing sum is reported);
- calendar months missing between the first and the last month are reported.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from assistant.analytics.models import Finding, q
from assistant.db.records import StoredKpiMonth
from assistant.domain.grounding import Location
from assistant.domain.kpi import COUNT_FIELDS, VALUE_FIELDS, MonthFigures
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


def _merge(group: Sequence[MonthFigures], findings: list[Finding]) -> MonthFigures:
    """Rows for one (month, segment): field by field, the first figure wins."""
    first = group[0]
    if len(group) == 1:
        return first
    merged = first.model_copy(deep=True)
    merged.locations = [loc for f in group for loc in f.locations]
    findings.append(
        Finding(
            code="duplicate_month",
            category="data",
            months=[first.month],
            locations=merged.locations,
            detail={"segment": first.segment or ""},
        )
    )
    for name in MERGED_FIELDS:
        _merge_field(group, name, merged, findings, lambda f, n=name: f.value(n))
    for name in sorted({k for f in group for k in f.targets}):
        merged.targets.pop(name, None)
        _merge_field(group, f"target_{name}", merged, findings, lambda f, n=name: f.targets.get(n))
    return merged


def _merge_field(
    group: Sequence[MonthFigures],
    name: str,
    merged: MonthFigures,
    findings: list[Finding],
    get: Callable[[MonthFigures], int | None],
) -> None:
    present = [(f, v) for f in group if (v := get(f)) is not None]
    if not present:
        return
    used_from, used = present[0]
    if name.startswith("target_"):
        merged.targets[name.removeprefix("target_")] = used
    else:
        setattr(merged, name, used)
    for other_from, other in present[1:]:
        if other != used:
            unit = "yen" if name.endswith(("spend", "revenue")) else "count"
            findings.append(
                Finding(
                    code="conflicting_values",
                    category="data",
                    stage=name,
                    months=[merged.month],
                    numbers={"used": q(used, unit), "other": q(other, unit)},
                    locations=[*used_from.locations[:1], *other_from.locations[:1]],
                    detail={"field": name},
                )
            )


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
) -> tuple[list[MonthFigures], list[Finding]]:
    """Figures per month (per month and segment with ``by_segment``), and data findings.

    ``segment``/``source`` keep only that segment's or that file's rows.
    """
    findings: list[Finding] = []
    rows = [
        s
        for s in stored
        if (source is None or s.source == source)
        and (segment is None or s.month.segment == segment)
    ]
    rows.sort(key=lambda s: (s.month.month, s.month.segment or "", s.source, s.month.row))
    groups: dict[tuple[str, str | None], list[MonthFigures]] = defaultdict(list)
    for s in rows:
        groups[(s.month.month, s.month.segment)].append(_row_figures(s, findings))
    merged = {key: _merge(group, findings) for key, group in groups.items()}
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
