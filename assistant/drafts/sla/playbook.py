"""What the company's playbook already says about the SLA, and proposals where it is silent.

The playbook's own sentences are found by what they are about (``_RULES``: one pattern list per
part of an SLA, best first) and quoted, so the SLA formalises the current practice.  A part
the playbook does not cover is proposed and its section key recorded as a proposal; a proposed
number is registered as a fact whose source says it is Axis's suggestion, not a company rule.
"""

from __future__ import annotations

import re

from assistant.domain.grounding import Claim
from assistant.drafts.context import DraftContext
from assistant.drafts.evidence import Passage
from assistant.text.normalize import nfkc
from assistant.text.statements import Statement, statements

# What each part of an SLA looks like in a playbook, best pattern first.
_RULES: dict[str, tuple[re.Pattern[str], ...]] = {
    "threshold": (re.compile(r"(閾値|しきい値|threshold).{0,20}\d+\s*(点|points?)", re.I),),
    "handoff": (re.compile(r"(SFA|CRM).{0,30}(連携|割り当て|assign)", re.I),),
    "follow_up": (
        re.compile(r"\d+\s*(営業日|時間|business\s+days?|hours?)\s*(以内|within)?", re.I),
    ),
    "acceptance": (
        re.compile(r"BANT|満たせば|criteria", re.I),
        re.compile(r"(SQL|商談化).{0,40}(判断|基準)", re.I),
    ),
    "recycling": (re.compile(r"ナーチャリング|リサイクル|差し戻し|recycl|nurtur", re.I),),
    "cadence": (re.compile(r"定例|会議|weekly\s+review|monthly\s+(meeting|review)", re.I),),
    "sla_state": (re.compile(r"SLA|サービスレベル|service\s+level", re.I),),
}
_SCORING_HEADING = re.compile(r"スコア|配点|scor", re.I)


class Playbook:
    """Statements of the company's playbooks, found by what they are about."""

    def __init__(self, ctx: DraftContext) -> None:
        self.ctx = ctx
        self.items: list[tuple[Passage, Statement]] = [
            (p, s) for p in ctx.corpus.of_kind("playbook") for s in statements(p.text)
        ]

    def find(self, rule: str, *, limit: int = 3) -> list[tuple[Passage, str]]:
        found: list[tuple[Passage, str]] = []
        # Sentences before table rows: a rule is stated in prose, a table row only lists it.
        ordered = sorted(self.items, key=lambda item: item[1].table_row)
        for pattern in _RULES[rule]:
            for p, s in ordered:
                if pattern.search(nfkc(s.text)) and all(s.text != f for _, f in found):
                    found.append((p, s.text))
        return found[:limit]

    def cite(self, rule: str, *, limit: int = 3) -> list[Claim]:
        return [
            Claim(text=s, refs=[self.ctx.book.cite(p, s)]) for p, s in self.find(rule, limit=limit)
        ]

    def scoring_rows(self) -> list[Claim]:
        """The scoring table: rows under a heading about scores, with their table header."""
        return [
            Claim(text=s.text, refs=[self.ctx.book.cite(p, s.text)])
            for p, s in self.items
            if s.table_row and _SCORING_HEADING.search(s.heading)
        ]


def proposal(ctx: DraftContext, key: str, ja: str, en: str, proposals: list[str]) -> Claim:
    proposals.append(key)
    return Claim(text=ctx.t(ja, en))


def _number_fact(
    ctx: DraftContext, key: str, label_ja: str, label_en: str, value: int, unit: str
) -> str:
    """A proposed parameter, registered so the reviewer sees where the number comes from."""
    return ctx.book.fact(
        f"proposal:{key}",
        ctx.t(f"提案値: {label_ja}", f"Proposed: {label_en}"),
        value,
        "count",
        f"{value}{unit}",
        source=ctx.t(
            "Axisの提案（社内資料に記載なし）", "Axis proposal (not in company documents)"
        ),
    )


def mql_definition(
    ctx: DraftContext, book: Playbook, proposals: list[str]
) -> tuple[Claim, list[Claim]]:
    threshold = book.cite("threshold", limit=1)
    scoring = list({c.text: c for c in book.scoring_rows()}.values())
    if threshold:
        definition = Claim(
            text=ctx.t(
                f"MQLは、現行のリード管理ルールの基準をそのまま用います：{threshold[0].text}",
                f"An MQL is defined by the current lead-management rule: {threshold[0].text}",
            ),
            refs=threshold[0].refs,
        )
    else:
        definition = proposal(
            ctx,
            "mql_definition",
            "MQLの定義が社内資料に見つかりません。属性（役職・部署・規模）と行動（資料請求、"
            "セミナー参加、料金ページ閲覧）を点数化し、過去にSQLになったリードの得点分布から"
            "閾値を決めることを提案します。",
            "No MQL definition was found in the company's documents. Proposal: score fit (role, "
            "department, size) and behaviour (downloads, webinars, pricing-page views), and set "
            "the threshold from the scores of past leads that became SQLs.",
            proposals,
        )
    return definition, scoring


def follow_up(ctx: DraftContext, book: Playbook, proposals: list[str]) -> Claim:
    found = book.cite("follow_up", limit=1)
    if found:
        return Claim(
            text=ctx.t(
                f"インサイドセールスは、MQLの割り当てから次の期限内に初回接触します：{found[0].text}"
                "　期限内の接触率を毎月計測し、定例で報告します。",
                f"Inside sales makes first contact within the deadline the playbook sets: "
                f"{found[0].text} The share contacted in time is measured monthly.",
            ),
            refs=found[0].refs,
        )
    ref = _number_fact(
        ctx,
        "follow_up_days",
        "初回接触の期限（営業日）",
        "first-contact deadline (business days)",
        2,
        ctx.t("営業日", " business days"),
    )
    proposals.append("follow_up")
    return Claim(
        text=ctx.t(
            f"提案：MQLの割り当てから2営業日以内に初回接触します[{ref}]。",
            f"Proposal: first contact within 2 business days of assignment [{ref}].",
        ),
        refs=[ref],
    )
