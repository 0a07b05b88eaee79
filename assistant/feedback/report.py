"""A synthesis as the CLI's JSON, as CSV for a spreadsheet, and as Markdown for people.

All three are built from the ``Synthesis`` alone, so they show the same counts, and all
text in them is the redacted text (the placeholder map never leaves the database).
"""

from __future__ import annotations

import csv
import io
import json
from typing import TypedDict

from assistant.analytics import format as fmt
from assistant.feedback.models import FunnelLink, Synthesis, Theme

_TEXT = {
    "ja": {
        "title": "営業フィードバック分析",
        "input": "入力: {source}（{notes}件、重複を除いて{distinct}件）。件数・割合はすべてコードで集計しています。",  # noqa: E501
        "theme": "## {n}. {label} — {count}件（{share}）",
        "funnel": "- ファネル: {conversion}（根拠: {basis}）",
        "funnel_kpi": "  - {start}〜{end}: メモ {nb}件 → {na}件、{conversion} {rb} → {ra}（{change:+.1f}pt）",  # noqa: E501
        "funnel_rate": "  - {start}〜{end}: {conversion} {rb} → {ra}（{change:+.1f}pt）",
        "by_rep": "- 担当者別: {values}",
        "by_industry": "- 業種別: {values}",
        "by_stage": "- 商談フェーズ別: {values}",
        "monthly": "- 月別: {values}",
        "quotes": "- 代表的な声:",
        "quote": "  > {text}（{note_id}、{row}行目）",
        "repeats": "- 重複として数えなかったメモ: {ids}",
        "diff": "## 前回（{date}、run {run}）からの変化",
        "change": "- {status}: {label}{detail}",
        "status": {"new": "新規", "growing": "増加", "shrinking": "減少", "steady": "横ばい", "gone": "消えたテーマ"},  # noqa: E501
        "hygiene": "## 重複・マスキング・注意",
        "duplicates": "- 重複（1件として集計）: {pairs}",
        "duplicate": "  - {duplicate_id} は {note_id} の再入力（{why}）",
        "redactions": "- 個人情報のマスキング: {counts}",
        "flagged": "- AIへの指示のように読めるメモ（データとして扱いました）: {items}",
        "skipped": "- 言葉がなくテーマ分けできないメモ: {ids}",
        "none": "なし",
    },
    "en": {
        "title": "Sales feedback synthesis",
        "input": "Input: {source} ({notes} notes, {distinct} after duplicates). Every count and share is computed by code.",  # noqa: E501
        "theme": "## {n}. {label} — {count} notes ({share})",
        "funnel": "- Funnel: {conversion} (basis: {basis})",
        "funnel_kpi": "  - {start} to {end}: notes {nb} → {na}, {conversion} {rb} → {ra} ({change:+.1f} pt)",  # noqa: E501
        "funnel_rate": "  - {start} to {end}: {conversion} {rb} → {ra} ({change:+.1f} pt)",
        "by_rep": "- By rep: {values}",
        "by_industry": "- By industry: {values}",
        "by_stage": "- By deal stage: {values}",
        "monthly": "- By month: {values}",
        "quotes": "- Representative quotes:",
        "quote": "  > {text} ({note_id}, row {row})",
        "repeats": "- Repeats not counted: {ids}",
        "diff": "## Changes since the last saved synthesis ({date}, run {run})",
        "change": "- {status}: {label}{detail}",
        "status": {"new": "new", "growing": "growing", "shrinking": "shrinking", "steady": "steady", "gone": "gone"},  # noqa: E501
        "hygiene": "## Duplicates, redactions, warnings",
        "duplicates": "- Duplicates (counted once): {pairs}",
        "duplicate": "  - {duplicate_id} re-enters {note_id} ({why})",
        "redactions": "- PII redacted: {counts}",
        "flagged": "- Notes that read like instructions to an AI (treated as data): {items}",
        "skipped": "- Notes without words (not grouped): {ids}",
        "none": "none",
    },
}  # fmt: skip


class CliTheme(TypedDict):
    id: str
    label: str
    summary: str
    count: int
    share: float
    quotes: list[str]
    quote_ids: list[str]
    note_ids: list[str]
    duplicate_ids: list[str]
    stage: str | None
    funnel: dict | None
    terms: list[str]
    insufficient: bool
    monthly: list[dict]


def cli_payload(synthesis: Synthesis) -> dict:
    """The ``axis feedback synthesize --json`` document (ARCHITECTURE.md's contract)."""
    themes = [
        CliTheme(
            id=t.id,
            label=t.label,
            summary=t.summary,
            count=t.count,
            share=t.share,
            quotes=[q.text for q in t.quotes],
            quote_ids=[q.note_id for q in t.quotes],
            note_ids=t.note_ids,
            duplicate_ids=t.duplicate_ids,
            stage=t.funnel.stage if t.funnel else None,
            funnel=t.funnel.model_dump(mode="json") if t.funnel else None,
            terms=t.terms,
            insufficient=t.insufficient,
            monthly=[{"month": c.key, "notes": c.count} for c in t.monthly],
        )
        for t in synthesis.themes
    ]
    return {
        "notes": synthesis.note_count,
        "themes": themes,
        "assignments": [
            {"note_id": item.id, "row": item.row, "source": item.source, "theme": item.theme}
            for item in synthesis.items
        ],
        "duplicates": [[d.note_id, d.duplicate_id] for d in synthesis.duplicates],
        "redactions": synthesis.redactions,
        "flagged": [{"note_id": f.note_id, "reason": f.reason} for f in synthesis.flagged],
        "duplicate_reasons": [
            {"note_id": d.note_id, "duplicate_id": d.duplicate_id, "why": d.why(synthesis.language)}
            | d.model_dump(include={"kind", "similarity", "overlap", "same_account", "days_apart"})
            for d in synthesis.duplicates
        ],
    }


def notes_csv(synthesis: Synthesis) -> str:
    """One row per input note: id, row, theme, duplicate, flag, metadata, redacted text."""
    labels = {t.id: t.label for t in synthesis.themes}
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["note_id", "row", "theme_id", "theme", "duplicate_of", "flag", "date", "rep",
         "account", "industry", "stage", "text"]
    )  # fmt: skip
    for item in synthesis.items:
        writer.writerow(
            [
                item.id, item.row, item.theme or "", labels.get(item.theme or "", ""),
                item.duplicate_of or "", item.flag or "",
                item.date.isoformat() if item.date else "", item.rep or "", item.account or "",
                item.industry or "", item.stage or "", item.text,
            ]
        )  # fmt: skip
    return out.getvalue()


def themes_csv(synthesis: Synthesis) -> str:
    """One row per theme with its counts, stage and quotes."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["theme_id", "label", "count", "share", "stage", "change_pt", "terms", "quotes", "note_ids"]
    )
    for t in synthesis.themes:
        writer.writerow(
            [
                t.id, t.label, t.count, t.share, t.funnel.conversion if t.funnel else "",
                t.funnel.change_pt if t.funnel and t.funnel.change_pt is not None else "",
                "・".join(t.terms), " / ".join(q.text for q in t.quotes), " ".join(t.note_ids),
            ]
        )  # fmt: skip
    return out.getvalue()


def _pct(value: float | None) -> str:
    return "-" if value is None else fmt.percent(value)


def _joined(counts: list, limit: int = 8) -> str:
    return ", ".join(f"{c.key} {c.count}" for c in counts[:limit])


def funnel_lines(link: FunnelLink, text: dict) -> list[str]:
    lines = [text["funnel"].format(conversion=link.conversion, basis=link.basis)]
    if link.window and link.change_pt is not None:
        values = {
            "start": link.window[0],
            "end": link.window[1],
            "conversion": link.conversion,
            "rb": _pct(link.rate_before),
            "ra": _pct(link.rate_after),
            "change": link.change_pt,
        }
        key = "funnel_kpi" if link.notes_before is not None else "funnel_rate"
        lines.append(text[key].format(nb=link.notes_before, na=link.notes_after, **values))
    return lines


def _theme_lines(n: int, theme: Theme, text: dict) -> list[str]:
    lines = [
        text["theme"].format(n=n, label=theme.label, count=theme.count, share=_pct(theme.share)),
        "",
        theme.summary,
        "",
    ]
    if theme.funnel:
        lines += funnel_lines(theme.funnel, text)
    for key in ("by_rep", "by_industry", "by_stage", "monthly"):
        counts = getattr(theme, key)
        if counts:
            lines.append(text[key].format(values=_joined(counts, 12 if key == "monthly" else 8)))
    if theme.quotes:
        lines.append(text["quotes"])
        lines += [
            text["quote"].format(text=q.text, note_id=q.note_id, row=q.row) for q in theme.quotes
        ]
    if theme.duplicate_ids:
        lines.append(text["repeats"].format(ids=", ".join(theme.duplicate_ids)))
    return [*lines, ""]


def _diff_lines(synthesis: Synthesis, text: dict) -> list[str]:
    diff = synthesis.diff
    if diff is None:
        return []
    lines = [text["diff"].format(date=diff.previous_date.isoformat(), run=diff.previous_run), ""]
    for change in diff.changes:
        detail = ""
        if change.share_before is not None and change.share_after is not None:
            detail = f"（{_pct(change.share_before)} → {_pct(change.share_after)}）"
        elif change.share_after is not None:
            detail = f"（{_pct(change.share_after)}）"
        status = text["status"][change.status]
        lines.append(text["change"].format(status=status, label=change.label, detail=detail))
    return [*lines, ""]


def render_markdown(synthesis: Synthesis) -> str:
    """The synthesis as a Markdown document with ``kind: feedback-synthesis`` front matter."""
    text = _TEXT[synthesis.language]
    date = synthesis.created.date().isoformat()
    title = f"{text['title']} {date}"
    front = [
        "---",
        "kind: feedback-synthesis",
        f"title: {json.dumps(title, ensure_ascii=False)}",
        f"date: {date}",
        f"run: {synthesis.run_id}",
        f"input: {json.dumps(synthesis.source, ensure_ascii=False)}",
        f"notes: {synthesis.note_count}",
        f"themes: {sum(1 for t in synthesis.themes if not t.insufficient)}",
        "---",
        "",
    ]
    body = [
        f"# {title}",
        "",
        text["input"].format(
            source=synthesis.source, notes=synthesis.note_count, distinct=synthesis.distinct
        ),
        "",
    ]
    for n, theme in enumerate(synthesis.themes, start=1):
        body += _theme_lines(n, theme, text)
    body += _diff_lines(synthesis, text)
    none = text["none"]
    body += [
        text["hygiene"],
        "",
        text["duplicates"].format(
            pairs=", ".join(f"{d.duplicate_id}={d.note_id}" for d in synthesis.duplicates) or none
        ),
        *[
            text["duplicate"].format(
                duplicate_id=d.duplicate_id, note_id=d.note_id, why=d.why(synthesis.language)
            )
            for d in synthesis.duplicates
        ],
        text["redactions"].format(
            counts=", ".join(f"{k} {v}" for k, v in synthesis.redactions.items())
        ),
        # Ids only: the flagged wording itself stays out of the knowledge store.
        text["flagged"].format(items=", ".join(f.note_id for f in synthesis.flagged) or none),
        text["skipped"].format(ids=", ".join(s.note_id for s in synthesis.skipped) or none),
    ]
    body += [f"- {w}" for w in synthesis.warnings]
    return "\n".join(front + body) + "\n"
