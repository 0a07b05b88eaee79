"""An export as Markdown text: the draft's own bodies, then sources and the review record."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.domain.grounding import cite_label
from assistant.drafts.models import Draft, Section
from assistant.review.export.content import (
    Lang,
    banner,
    fact_header,
    fact_rows,
    history_header,
    history_rows,
    marker,
    metadata,
    warning_line,
    when,
)
from assistant.review.models import ReviewView


def markdown(view: ReviewView, t: Lang) -> str:
    """The whole export as Markdown, worded by ``t``."""
    draft = view.version.draft
    out = [f"# {draft.title}", ""]
    alert = banner(view, t)
    if alert:
        out += [f"> **{alert[0]}** — {alert[1]}", ""]
    out += [f"- **{label}**: {value}" for label, value in metadata(view, t)] + [""]
    if draft.notice:
        out += [f"> **{t('注記', 'Notice')}**: {draft.notice}", ""]
    for section in draft.sections:
        out += _md_section(section, t)
    out += _md_sources(draft, t)
    out += _md_review(view, t)
    return "\n".join(out).rstrip() + "\n"


def _md_section(section: Section, t: Lang) -> list[str]:
    out = [f"## {section.title}", ""]
    mark = marker(section, t)
    if mark:
        out += [f"> **{mark[0]}** — {mark[1]}", ""]
    out += [section.body.strip(), ""]
    return out


def _md_quote(text: str, indent: str = "") -> list[str]:
    return [f"{indent}> {line}".rstrip() for line in text.splitlines() or [""]]


def _md_cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def _md_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(_md_cell(h) for h in header) + " |"]
    lines.append("|" + "---|" * len(header))
    lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
    return [*lines, ""]


def _md_sources(draft: Draft, t: Lang) -> list[str]:
    out = [f"## {t('出典', 'Sources')}", "", f"### {t('引用', 'Citations')}", ""]
    if not draft.citations:
        out += [t("引用はありません。", "No citations."), ""]
    for c in draft.citations:
        place = cite_label(c.source, c.location, t("ja", "en"))
        out += [f"- **[{c.ref}]** {place}", *_md_quote(c.quote, "  ")]
    out += ["", f"### {t('計算値', 'Computed facts')}", ""]
    if draft.facts:
        out += _md_table(fact_header(t), fact_rows(draft))
    else:
        out += [t("計算値はありません。", "No computed facts."), ""]
    return out


def _md_review(view: ReviewView, t: Lang) -> list[str]:
    draft = view.version.draft
    out = [f"## {t('レビュー記録', 'Review record')}", ""]
    out += [f"### {t('残っている警告', 'Remaining warnings')}", ""]
    for i in range(len(draft.warnings)):
        label, text = warning_line(view, i, t)
        out.append(f"- **{label}**: {text}")
    if not draft.warnings:
        out.append(t("警告はありません。", "No warnings."))
    out += ["", f"### {t('オーバーライドのコメント', 'Override comments')}", ""]
    for c in view.overrides:
        out += [f"- **{c.author}** ({when(c.created_at)}, v{c.version})", *_md_quote(c.text, "  ")]
    if not view.overrides:
        out.append(t("オーバーライドはありません。", "No overrides."))
    out += ["", f"### {t('履歴', 'History')}", ""]
    out += _md_table(history_header(t), history_rows(view, t))
    return out
