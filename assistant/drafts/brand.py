"""The company's brand voice as checkable rules: phrases a draft must not use.

A brand-voice guide (``kind: brand-voice``) is written for people, so only the parts that name
exact phrases become rules: the 禁止表現 list (phrases in 「」 after a label such as
「根拠のない最上級表現」) and the 避ける column of the 使う言葉・避ける言葉 table (with its
reason and the words to use instead).  Everything else in the guide (tone, honorifics) needs
judgement and stays with the reviewer and the LLM prompt.  Each warning names the section, the
phrase, the rule and the file the rule comes from, so a reviewer can check the guide itself.

Text a draft quotes from the evidence is not the company's own wording, so callers may pass
the cited quotes to be skipped: a customer note that says 「必ず」 is not a brand-voice slip.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from assistant.drafts.evidence import Corpus, Passage
from assistant.drafts.models import DraftWarning, Section
from assistant.text.normalize import fold
from assistant.text.statements import statements

_QUOTED = re.compile(r"「([^「」]+)」")
_LABEL = re.compile(r"^(.+?)\s*[:：]")
_LIST_SPLIT = re.compile(r"\s*[、,，/／]\s*")


@dataclass(frozen=True)
class BrandRule:
    """One phrase to avoid, why, and where the guide says so."""

    phrase: str
    rule: str
    source: str
    heading: str
    instead: str = ""


def _forbidden(passage: Passage) -> list[BrandRule]:
    """Phrases in 「」 under a 禁止 heading; the text before the colon names the rule."""
    out: list[BrandRule] = []
    for st in statements(passage.text):
        if "禁止" not in st.heading or st.table_row:
            continue
        label = m.group(1) if (m := _LABEL.match(st.text)) else st.heading
        for phrase in _QUOTED.findall(st.text):
            out.append(BrandRule(phrase.strip(), label.strip(), passage.source, st.heading))
    return out


def _column(header: str, word: str) -> int | None:
    cells = [c.strip() for c in header.split("|")]
    return next((i for i, c in enumerate(cells) if word in c), None)


def _avoided(passage: Passage) -> list[BrandRule]:
    """The 避ける column of a use/avoid table, with the row's reason and preferred words."""
    out: list[BrandRule] = []
    for st in statements(passage.text):
        if not st.table_row or "避ける" not in st.header:
            continue
        avoid = _column(st.header, "避ける")
        reason = _column(st.header, "理由")
        use = _column(st.header, "使う")
        cells = [c.strip() for c in st.text.split("|")]
        if avoid is None or avoid >= len(cells):
            continue
        why = cells[reason] if reason is not None and reason < len(cells) else ""
        instead = cells[use] if use is not None and use < len(cells) else ""
        for phrase in _LIST_SPLIT.split(cells[avoid]):
            if phrase:
                out.append(
                    BrandRule(phrase, why or st.heading, passage.source, st.heading, instead)
                )
    return out


def brand_rules(corpus: Corpus) -> list[BrandRule]:
    """Every phrase rule of the workspace's brand-voice documents (none without such a doc)."""
    rules: dict[str, BrandRule] = {}
    for passage in corpus.of_kind("brand-voice"):
        for rule in [*_forbidden(passage), *_avoided(passage)]:
            rules.setdefault(fold(rule.phrase), rule)
    return list(rules.values())


def _message(section: Section, rule: BrandRule, lang: str) -> str:
    if lang == "ja":
        instead = f"「{rule.instead}」などに言い換えてください。" if rule.instead else ""
        return (
            f"{section.title}: 「{rule.phrase}」はブランドボイスで避ける表現です"
            f"（{rule.heading}「{rule.rule}」、{rule.source}）。{instead}"
        )
    instead = f" Say 「{rule.instead}」 instead." if rule.instead else ""
    return (
        f"{section.title}: 「{rule.phrase}」 goes against the brand voice "
        f"({rule.heading}: 「{rule.rule}」, {rule.source}).{instead}"
    )


def _own_words(text: str, quotes: Iterable[str]) -> str:
    """``text`` with the quoted evidence blanked out (normalised, as the rules are)."""
    out = fold(text)
    for quote in sorted({fold(q) for q in quotes if q.strip()}, key=len, reverse=True):
        out = out.replace(quote, " ")
    return out


def brand_warnings(
    draft_sections: Sequence[Section],
    corpus: Corpus,
    *,
    quotes: Iterable[str] = (),
    lang: str = "en",
) -> list[DraftWarning]:
    """A ``brand_voice`` warning per section and phrase the brand guide asks to avoid.

    ``quotes`` are cited evidence texts to skip (a quote is the customer's or a document's
    wording, not ours); ``lang`` is the language of the messages.
    """
    rules = brand_rules(corpus)
    if not rules:
        return []
    quotes = list(quotes)
    warnings: list[DraftWarning] = []
    for section in draft_sections:
        text = _own_words(f"{section.title}\n{section.body}", quotes)
        for rule in rules:
            if fold(rule.phrase) in text:
                warnings.append(
                    DraftWarning(
                        code="brand_voice",
                        message=_message(section, rule, lang),
                        section=section.key,
                        detail=rule.phrase,
                    )
                )
    return warnings
