"""What an export says, whatever its format: labels, metadata, banner, warnings, history.

Markdown and DOCX both take their wording from here (every label in ja and en, picked by
``Lang``), so the two formats cannot drift apart.  The approval test lives here too, because
the banner and the "approved by" line must agree with the gate that refuses an export.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from assistant.drafts.kinds import spec
from assistant.drafts.models import Draft, Section
from assistant.review.models import EVENT_NAMES, REASON_NAMES, STATUS_NAMES, ReviewView

_SECTION_MARKERS = {
    "gap": (
        ("要確認：根拠なし", "Gap: no evidence"),
        (
            "社内資料に根拠が見つからなかった項目です。事実を確かめてから使ってください。",
            "No evidence for this section was found in the workspace; check the facts first.",
        ),
    ),
    "proposal": (
        ("提案", "Proposal"),
        (
            "資料にある事実ではなく、Axisからの提案です。採用するかを判断してください。",
            "A suggestion, not a fact from your documents; decide whether to adopt it.",
        ),
    ),
    "unknown": (
        ("要確認：不明", "Unknown: to be confirmed"),
        (
            "手元のデータからは判断できなかった項目です。",
            "The data at hand could not settle this section.",
        ),
    ),
}
_WARNINGS = {
    "unverified_number": ("根拠のない数値", "Unverified number"),
    "bad_citation": ("引用の不一致", "Bad citation"),
    "unknown_ref": ("不明な参照", "Unknown reference"),
    "injection": ("指示の混入の疑い", "Possible prompt injection"),
    "no_evidence": ("根拠なし", "No evidence"),
    "gap": ("不足", "Gap"),
    "assumption": ("仮定", "Assumption"),
    "brand_voice": ("ブランドボイス", "Brand voice"),
}


@dataclass(frozen=True)
class Lang:
    """Picks the ja or en wording; every label of an export goes through it."""

    ja: bool

    def __call__(self, ja: str, en: str) -> str:
        return ja if self.ja else en

    def pick(self, table: dict[str, tuple[str, str]], key: str) -> str:
        return self(*table[key]) if key in table else key


def lang_for(view: ReviewView, lang: str | None) -> Lang:
    """The wording of the draft's language unless ``lang`` asks for another."""
    return Lang(ja=(lang or view.version.draft.lang) == "ja")


def approved(view: ReviewView) -> bool:
    """Approved *and* showing the version that was approved (an older one was not)."""
    record = view.record
    return record.status == "approved" and view.version.number == record.current_version


def banner(view: ReviewView, t: Lang) -> tuple[str, str] | None:
    if approved(view):
        return None
    status = t.pick(STATUS_NAMES, view.record.status)
    return (
        t("下書き（未承認）", "DRAFT — not approved"),
        t(
            f"この文書は承認されていません（状態：{status}）。"
            f"承認するには axis review approve {view.record.id} を実行してください。",
            f"This document has not been approved (status: {status}). "
            f"To approve it run: axis review approve {view.record.id}",
        ),
    )


def when(moment: dt.datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M} {moment:%Z}".strip()


def metadata(view: ReviewView, t: Lang) -> list[tuple[str, str]]:
    """(label, value) pairs for the block under the title, in reading order."""
    record, version, draft = view.record, view.version, view.version.draft
    kind = t(*spec(draft.kind).names)
    reason = t.pick(REASON_NAMES, version.reason)
    pairs = [
        (t("種類", "Kind"), f"{kind} ({draft.kind})"),
        (t("下書きID", "Draft ID"), str(record.id)),
        (
            t("版", "Version"),
            t(
                f"v{version.number}（{reason}・{version.author}・{when(version.created_at)}）",
                f"v{version.number} ({reason} by {version.author}, {when(version.created_at)})",
            ),
        ),
        (t("状態", "Status"), t.pick(STATUS_NAMES, record.status)),
        (t("作成方法", "Mode"), _mode(draft.mode, t)),
    ]
    if draft.persona or record.persona:
        pairs.append((t("ペルソナ", "Persona"), str(draft.persona or record.persona)))
    if draft.axis or record.axis:
        pairs.append((t("訴求軸", "Axis"), str(draft.axis or record.axis)))
    pairs.append((t("作成者", "Created by"), f"{record.created_by} ({when(record.created_at)})"))
    approval = view.approval if approved(view) else None
    approved_by = (
        f"{approval.actor} ({when(approval.at)})" if approval else t("未承認", "not approved")
    )
    pairs.append((t("承認", "Approved by"), approved_by))
    pairs.append((t("元データ", "Data snapshot"), _snapshot(view, t)))
    return pairs


def _mode(mode: str, t: Lang) -> str:
    if mode == "offline":
        return t(
            "LLMなしで作成（テンプレートと社内資料の引用・計算値）",
            "composed without an LLM (templates, quoted evidence and computed numbers)",
        )
    return t(f"LLMで作成（{mode}）", f"written with an LLM ({mode})")


def _snapshot(view: ReviewView, t: Lang) -> str:
    snap = view.version.snapshot
    docs = len(snap.documents)
    months = sorted(snap.kpi_months)
    if months:
        kpi = t(
            f"KPI {months[0]}〜{months[-1]}（{len(months)}か月）",
            f"KPI {months[0]} to {months[-1]} ({len(months)} months)",
        )
    else:
        kpi = t("KPIデータなし", "no KPI months")
    return t(
        f"文書 {docs}件、{kpi}、営業フィードバック {snap.feedback_notes}件",
        f"{docs} documents, {kpi}, {snap.feedback_notes} feedback notes",
    )


def marker(section: Section, t: Lang) -> tuple[str, str] | None:
    if section.status not in _SECTION_MARKERS:
        return None
    label, note = _SECTION_MARKERS[section.status]
    return t(*label), t(*note)


def _section_titles(draft: Draft) -> dict[str, str]:
    return {s.key: s.title for s in draft.sections}


def warning_line(view: ReviewView, index: int, t: Lang) -> tuple[str, str]:
    """(label, text) of one remaining warning, its section named by title."""
    warning = view.version.draft.warnings[index]
    label = t.pick(_WARNINGS, warning.code)
    where = _section_titles(view.version.draft).get(warning.section or "", warning.section)
    text = warning.message + (t(f"（{where}）", f" ({where})") if where else "")
    if warning.detail:
        text += f" — {warning.detail}"
    return label, text


def history_rows(view: ReviewView, t: Lang) -> list[list[str]]:
    return [
        [
            when(e.at),
            e.actor,
            t.pick(EVENT_NAMES, e.action),
            f"v{e.version}" if e.version is not None else "",
            e.detail,
        ]
        for e in view.events
    ]


def history_header(t: Lang) -> list[str]:
    return [
        t("日時", "Time"),
        t("担当者", "Actor"),
        t("操作", "Action"),
        t("版", "Version"),
        t("詳細", "Detail"),
    ]


def fact_rows(draft: Draft) -> list[list[str]]:
    return [[f.id, f.label, f.display, f.source] for f in draft.facts]


def fact_header(t: Lang) -> list[str]:
    return ["ID", t("項目", "Label"), t("値", "Value"), t("出典", "Source")]
