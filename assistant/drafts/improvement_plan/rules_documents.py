"""Checklist rules decided by what the company's documents say about a practice.

A rule finds the statements (playbook, strategy, notes, company documents) that talk about
its practice and reads their polarity: a statement saying it is done affirms, one saying it
is not done, not written down or not agreed (``NEGATIVE``) denies.  Affirmed only is ``met``,
both is ``partly``, denied only is ``not_met``.  Silence is ``unknown``: absence of a document
in Axis is not proof that the practice is absent, so it becomes a question for the director.
"""

from __future__ import annotations

import re

from assistant.drafts.evidence import Line
from assistant.drafts.improvement_plan.evidence import (
    NEGATIVE,
    Evidence,
    RuleResult,
    Status,
    split_negative,
)

_BUDGET = r"広告予算|予算(配分|の配分)|budget (allocation|split)|ad budget"


def _by_balance(ev: Evidence, positive: list[Line], negative: list[Line]) -> RuleResult:
    """met when only affirmed, partly when both, not met when only denied, else unknown."""
    if not positive and not negative:
        return RuleResult("unknown")
    claims = ev.quotes(positive) + ev.quotes(negative)
    if positive and negative:
        return RuleResult("partly", claims)
    return RuleResult("met" if positive else "not_met", claims)


def lead_scoring(ev: Evidence) -> RuleResult:
    positive, negative = split_negative(
        ev.lines(r"スコア|閾値|scor|threshold", kinds=("playbook",))
    )
    done = re.compile(r"閾値|実装|threshold|implement|configur", re.IGNORECASE)
    return _by_balance(ev, [ln for ln in positive if done.search(ln.text)], negative)


def handoff(ev: Evidence) -> RuleResult:
    """Criteria written down, and whether sales agreed to them (oral only = not agreed)."""
    criteria = [
        ln
        for ln in ev.lines(r"SQL.*(引き渡|渡し)|hand.?off|hand.?over")
        if not NEGATIVE.search(ln.text)
    ]
    about = r"(MQL|SQL|引き渡|handoff|定義)"
    denied = [
        ln
        for ln in ev.lines(about + r".*(営業|sales)|(営業|sales).*" + about)
        if re.search(r"口頭|見直していません|日程未定|verbal|not agreed|undecided", ln.text)
    ]
    agreed = [
        ln
        for ln in ev.lines(about + r".*(合意|agreed)")
        if not NEGATIVE.search(ln.text) and not re.search(r"口頭|verbal", ln.text)
    ]
    if criteria and agreed and not denied:
        return RuleResult("met", ev.quotes(criteria, 1) + ev.quotes(agreed, 2))
    return _by_balance(ev, criteria[:1], denied)


def nurturing(ev: Evidence) -> RuleResult:
    lines = ev.lines(r"ナーチャリング|nurtur")
    if not lines:
        return RuleResult("unknown")
    positive, negative = split_negative(lines)
    designed = [ln for ln in positive if re.search(r"シナリオ|scenario|journey", ln.text, re.I)]
    status: Status = "met" if designed and not negative else "partly"
    return RuleResult(status, ev.quotes(designed or positive) + ev.quotes(negative))


def strategy_document(ev: Evidence) -> RuleResult:
    lines = ev.lines(r"マーケティング戦略|marketing strategy")
    return RuleResult("met", ev.quotes(lines, 2)) if lines else RuleResult("unknown")


def content_strategy(ev: Evidence) -> RuleResult:
    plans = ev.lines(r"コンテンツ(戦略|計画|方針|カレンダー)|content (strategy|plan|calendar)")
    if plans:
        return RuleResult("met", ev.quotes(plans, 2))
    guide = ev.lines(r".", kinds=("brand-voice",))[:1]
    if not guide:
        return RuleResult("unknown")
    note = ev.say(
        "文章の指針はありますが、コンテンツの計画や見直しの記録は見つかりません。",
        "There is a writing guide, but no content plan or record of reviewing one.",
    )
    return RuleResult("unknown", [note, *ev.quotes(guide)])


def crm_integration(ev: Evidence) -> RuleResult:
    positive, negative = split_negative(
        ev.lines(r"(SFA|CRM).*(連携|sync|integrat)|(連携|sync|integrat).*(SFA|CRM)")
    )
    return _by_balance(ev, positive[:2], negative)


def budget_mix(ev: Evidence) -> RuleResult:
    """Never decided from data (no spend per bucket); budget decisions on file are context."""
    return RuleResult("unknown", ev.quotes(ev.lines(_BUDGET, kinds=("note", "playbook")), 2))


def _after(ev: Evidence, line: Line) -> list[Line]:
    """The "not done" statements that follow ``line`` in its document: what a missing SLA
    leaves undefined is usually listed right under the sentence that says it is missing."""
    found: dict[str, Line] = {}
    for passage in ev.corpus.of_kind(line.passage.kind):
        if passage.source != line.passage.source or line.text not in passage.text:
            continue
        start = passage.text.index(line.text) + len(line.text)
        for text in ev.corpus.statements(passage):
            later = passage.text.find(text, start) >= 0
            if later and text != line.text and NEGATIVE.search(text) and text not in found:
                found[text] = Line(text, passage)
    return list(found.values())


def sla(ev: Evidence) -> RuleResult:
    positive, negative = split_negative(ev.lines(r"SLA|サービスレベル|service.level"))
    if negative:
        return RuleResult("not_met", ev.quotes(negative, 1) + ev.quotes(_after(ev, negative[0]), 2))
    documented = [ln for ln in positive if re.search(r"合意|文書|agreed|written", ln.text, re.I)]
    return RuleResult("met", ev.quotes(documented, 2)) if documented else RuleResult("unknown")


def lead_quality_review(ev: Evidence) -> RuleResult:
    """A recurring review on file; open complaints or postponed decisions make it partly."""
    reviews = [
        ln
        for ln in ev.lines(r"定例会?で|月次.*(会議|確認)|review meeting|monthly review")
        if not NEGATIVE.search(ln.text)
    ]
    open_items = ev.lines(r"質が|lead quality|日程未定|見直すかどうか|undecided")
    if not reviews:
        return RuleResult("unknown", ev.quotes(open_items, 2))
    status: Status = "partly" if open_items else "met"
    return RuleResult(status, ev.quotes(reviews, 1) + ev.quotes(open_items, 2))
