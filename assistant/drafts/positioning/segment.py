"""Who the positioning is for: the persona (or the personas of a segment) and their notes.

The segment decides which sales notes are counted everywhere else: the notes of the persona's
industry, or every note when the industry has none (said in the label, never hidden).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from assistant.db.records import StoredFeedbackNote
from assistant.domain.grounding import Claim
from assistant.drafts.claims import quoted
from assistant.drafts.context import DraftContext
from assistant.drafts.evidence import PersonaProfile
from assistant.drafts.positioning.gaps import gap
from assistant.errors import NotFoundError
from assistant.text.normalize import fold

_INDUSTRY_HEAD = re.compile(r"[(（、,]")
_EMPLOYEES = re.compile(r"従業員\s*([\d,]+)\s*名")


@dataclass
class Segment:
    personas: list[PersonaProfile]
    industry: str | None
    notes: list[StoredFeedbackNote]
    all_notes: list[StoredFeedbackNote]
    label: str


def industry_head(line: str) -> str:
    """「製造業(産業機械部品メーカー…)」 -> 「製造業」: the industry as sales notes name it."""
    text = unicodedata.normalize("NFKC", line)
    return _INDUSTRY_HEAD.split(text, maxsplit=1)[0].strip()


def in_industry(note: StoredFeedbackNote, industry: str) -> bool:
    """A note's industry column, or for free text a 「(製造業・…)」 after the account name."""
    wanted = fold(industry)
    if note.note.industry:
        return fold(note.note.industry) == wanted
    return re.search(rf"[(（]{re.escape(wanted)}[・、,)）]", fold(note.note.text)) is not None


def find_segment(ctx: DraftContext) -> Segment:
    """The requested persona, or the personas of ``options['segment']``, and their notes."""
    corpus, request = ctx.corpus, ctx.request
    wanted = request.options.get("segment") or None
    if request.persona:
        personas = [corpus.persona(request.persona)]
    else:
        personas = [
            p
            for p in corpus.personas
            if not wanted
            or ("industry" in p.profile and fold(wanted) in fold(p.profile["industry"].text))
        ]
    if wanted and not personas:
        known = sorted(
            {
                industry_head(p.profile["industry"].text)
                for p in corpus.personas
                if "industry" in p.profile
            }
        )
        raise NotFoundError(
            f"No persona in the segment '{wanted}' — the personas' industries are: "
            f"{', '.join(known) or 'none recorded'}"
        )
    industry = wanted
    if industry is None and len(personas) == 1 and "industry" in personas[0].profile:
        industry = industry_head(personas[0].profile["industry"].text)
    all_notes = corpus.feedback_notes
    notes = [n for n in all_notes if in_industry(n, industry)] if industry else list(all_notes)
    label = industry or ctx.t("全業種", "all industries")
    if industry and not notes:
        # No note of that industry: count over every note rather than report nothing.
        notes = list(all_notes)
        label = ctx.t(f"全業種（{industry}のメモなし）", f"all industries (no {industry} notes)")
    return Segment(personas, industry, notes, all_notes, label)


def target_claim(ctx: DraftContext, seg: Segment) -> Claim:
    """The persona's own role / industry / company-size lines, quoted."""
    if not seg.personas:
        return gap(ctx, "no_persona", seg.label)
    if len(seg.personas) == 1:
        persona = seg.personas[0]
        parts, refs = [], []
        for field in ("role", "industry", "company_size"):
            if line := persona.profile.get(field):
                refs.append(ctx.book.cite_line(line))
                parts.append(quoted(line.text, refs[-1]))
        if not parts:
            return gap(ctx, "no_profile", persona.name)
        return Claim(text=f"{persona.name}: " + " / ".join(parts), refs=refs)
    return _segment_target(ctx, seg)


def _segment_target(ctx: DraftContext, seg: Segment) -> Claim:
    """The personas' shared span: roles, industries, and the employee range they cover."""
    refs: list[str] = []
    sizes: list[tuple[int, str]] = []
    industries: list[str] = []
    for persona in seg.personas:
        if line := persona.profile.get("industry"):
            ref = ctx.book.cite_line(line)
            refs.append(ref)
            industries.append(f"{industry_head(line.text)}[{ref}]")
        if (line := persona.profile.get("company_size")) and (m := _EMPLOYEES.search(line.text)):
            ref = ctx.book.cite_line(line)
            refs.append(ref)
            sizes.append((int(m.group(1).replace(",", "")), ref))
    roles = "、".join(p.short_name for p in seg.personas)
    count = ctx.book.fact(
        "positioning:personas",
        ctx.t("対象ペルソナ数", "personas covered"),
        float(len(seg.personas)),
        "count",
        str(len(seg.personas)),
        source=", ".join(p.source for p in seg.personas),
    )
    refs.append(count)
    n = len(seg.personas)
    text = ctx.t(f"{roles}（{n}ペルソナ[{count}]）", f"{roles} ({n} personas[{count}])")
    if industries:
        text += ctx.t("。業種：", ". Industries: ") + "、".join(industries)
    if sizes:
        (low, lref), (high, href) = min(sizes), max(sizes)
        text += ctx.t(
            f"。規模：従業員{low}名[{lref}]〜{high}名[{href}]",
            f". Size: {low}[{lref}] to {high}[{href}] employees",
        )
    return Claim(text=text, refs=refs)


def target_phrase(ctx: DraftContext, seg: Segment) -> str:
    """The target as the statement names it: 「製造業の経理部長」, or the segment's roles."""
    if len(seg.personas) != 1:
        return "、".join(p.short_name for p in seg.personas)
    persona = seg.personas[0]
    line = persona.profile.get("industry")
    if line is None:
        return persona.short_name
    head = industry_head(line.text)
    return ctx.t(f"{head}の{persona.short_name}", f"{persona.short_name} ({head})")


def persona_text(seg: Segment) -> str:
    """What the personas say about themselves: challenges and company size."""
    lines = [line.text for p in seg.personas for line in p.lines("challenges")]
    lines += [p.profile["company_size"].text for p in seg.personas if "company_size" in p.profile]
    return " ".join(lines)
