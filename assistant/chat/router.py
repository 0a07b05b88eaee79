"""Which tools a question needs, decided by rules a director can read (no model involved).

  draft     a request to write something ("SLA案を作って")     -> pointer to the drafts feature
  kpi       numbers of the funnel ("9月のMQL→SQL転換率は?")     -> computed facts + KPI passages
  feedback  what sales heard ("商談で多い反対意見は?")          -> feedback notes, filtered
  knowledge everything else                                     -> documents (not sales notes
            or KPI rows), with the kinds the question points to ("SQLの判定基準は?" -> playbook)

A metric name alone does not make a KPI question: 「MQLの閾値は?」 asks about the rules,
「MQLは先月何件?」 about the funnel.  Nor does 営業 alone make a feedback question
(「営業部門とのSLA」, 「2営業日」).

Routing by rules keeps the no-LLM mode and the LLM mode on the same evidence, and it cannot
be talked out of its job by retrieved text (it only reads the user's question).
The month a KPI question is about is resolved here too, including follow-ups ("その前月は?")
that refer to the month of the previous answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.chat.models import Intent
from assistant.text.months import shift_month
from assistant.text.normalize import nfkc

_DRAFT = re.compile(
    r"(案|ドラフト|下書き|草案|たたき台|ブリーフ|計画書).{0,8}(作|書|起こ|出|用意|ください|お願い)"
    r"|(作って|作成して|書いて|起案して|ドラフトして)"
    r"|\b(draft|write|create|prepare)\b.{0,40}\b(sla|brief|plan|positioning|messaging|copy)\b",
    re.IGNORECASE,
)
# Words that make a question about the funnel's numbers on their own ...
_KPI = re.compile(
    r"kpi|(リード|mql|sql|受注|商談|成約)(数|件数)|件数|転換率|移行率|商談化率|cvr|コンバージョン"
    r"|達成率|広告費|売上(?!高)|cpl|リード単価|ファネル|推移"
    r"|conversion|funnel|revenue|\bspend\b|\bcpl\b|achievement|how\s+many\s+(leads|mqls?|sqls?|deals)",
    re.IGNORECASE,
)
# ... and metric names that need a month or a "how many" to be about numbers: 「MQLの閾値は?」
# asks about the lead-management rules, 「MQLは先月何件?」 about the funnel.
_METRIC = re.compile(r"リード|mql|sql|受注|目標|leads?\b|\bwon\b|targets?\b|pipeline", re.I)
_AMOUNT = re.compile(
    r"何件|何%|いくつ|どれ(くらい|ぐらい|だけ)|どの(くらい|ぐらい)|増え|減っ|下が|上が|伸び|落ち"
    r"|変化|トレンド|傾向|how\s+(many|much)|number\s+of|change|trend|drop|grow|rise|fall",
    re.IGNORECASE,
)
# Questions about rules, definitions and agreements are document questions, whatever metric
# they mention (unless they name a month, which only the KPI data can answer).
_DOCUMENT = re.compile(
    r"閾値|しきい値|定義|スコア|配点|基準|ルール|条件|sla|とは|意味|判定|手順|引き渡し|プロセス"
    r"|threshold|definition|defined|criteria|rules?\b|scor(e|ing)|what\s+is\s+an?\b",
    re.IGNORECASE,
)
# 営業 alone is not enough (「営業部門とのSLA」 and 「2営業日」 are document questions): what
# sales *heard* is.
_FEEDBACK = re.compile(
    r"フィードバック|商談(?!期間|数|件数|化率|単価)|現場の声|お客様の声|顧客の声|営業(から)?の(声|意見|メモ)|営業メモ|反応|反対"
    r"|懸念|失注|断ら|言われ|聞かれ|feedback|sales\s+notes?|objections?|prospects?"
    r"|customers?\s+(said|say)|lost\s+deals?",
    re.IGNORECASE,
)
# The document kinds (Axis's own vocabulary, ``assistant.domain.DocumentKind``) a knowledge
# question's words point to: 「SQLの判定基準は?」 is answered by the lead-management rules
# (playbook), not by meeting notes that mention the criteria.
_KIND_HINTS: tuple[tuple[str, re.Pattern[str]], ...] = (  # most specific first
    ("competitor", re.compile(r"競合|他社|competitors?", re.IGNORECASE)),
    (
        "brand-voice",
        re.compile(r"ブランド|表記|トーン|言葉遣い|文体|禁止表現|brand|tone\b|style", re.I),
    ),
    ("persona", re.compile(r"ペルソナ|personas?", re.IGNORECASE)),
    (
        "playbook",
        re.compile(
            r"閾値|しきい値|定義|スコア|配点|基準|ルール|sla|判定|手順|引き渡し|ナーチャリング"
            r"|threshold|definition|criteria|rules?\b|scoring|hand-?off",
            re.IGNORECASE,
        ),
    ),
)
_EXPLICIT_MONTH = re.compile(r"(\d{4})\s*(?:年|[-/])\s*(\d{1,2})\s*月?")
_BARE_MONTH = re.compile(r"(?<!\d)(\d{1,2})\s*月(?!額)")
_LATEST = re.compile(r"最新|直近|今月|先月|latest|last\s+month|this\s+month|recent", re.I)
_PREVIOUS = re.compile(r"その前|前月|前の月|previous\s+month|month\s+before", re.I)
_NEXT = re.compile(r"その次|翌月|次の月|next\s+month|month\s+after", re.I)
_TREND = re.compile(r"推移|トレンド|傾向|変化|trend|over\s+time|history", re.I)


@dataclass(frozen=True)
class Route:
    intent: Intent
    month: str | None = None
    trend: bool = False
    kinds: tuple[str, ...] = ()  # document kinds a knowledge question points to


def document_kinds(question: str) -> tuple[str, ...]:
    """The kinds of document a knowledge question's words point to, in the order listed."""
    text = nfkc(question)
    return tuple(kind for kind, pattern in _KIND_HINTS if pattern.search(text))


def classify(question: str) -> Intent:
    text = nfkc(question)
    if _DRAFT.search(text):
        return "draft"
    kpi = _kpi_signals(text)
    feedback = len(_FEEDBACK.findall(text))
    if kpi and kpi >= feedback:
        return "kpi"
    if feedback:
        return "feedback"
    return "knowledge"


def _kpi_signals(text: str) -> int:
    """How strongly a question asks for the funnel's numbers (0: not at all).

    A KPI word counts on its own; a bare metric name counts only with a month or an amount
    asked for; a question about rules or definitions is not about numbers unless it names a
    month.
    """
    month = bool(_EXPLICIT_MONTH.search(text) or _BARE_MONTH.search(text) or _LATEST.search(text))
    if _DOCUMENT.search(text) and not month:
        return 0
    words = len(_KPI.findall(text))
    metric_asked = bool(_METRIC.search(text) and (month or _AMOUNT.search(text)))
    return words + int(metric_asked)


def resolve_month(question: str, *, months: list[str], previous: str | None) -> str | None:
    """The KPI month a question means, from the months there are and the last answer's month."""
    text = nfkc(question)
    if m := _EXPLICIT_MONTH.search(text):
        month = f"{int(m.group(1)):04d}-{int(m.group(2)):02d}"
        return month if 1 <= int(m.group(2)) <= 12 else None
    if previous and _PREVIOUS.search(text):
        return shift_month(previous, -1)
    if previous and _NEXT.search(text):
        return shift_month(previous, 1)
    if m := _BARE_MONTH.search(text):
        number = int(m.group(1))
        candidates = [x for x in months if int(x[5:]) == number]
        return candidates[-1] if candidates else None
    if _LATEST.search(text) or not previous:
        return months[-1] if months else None
    return previous


def route(
    question: str,
    *,
    months: list[str],
    previous_month: str | None = None,
    kpi_query: bool = False,
) -> Route:
    """``kpi_query``: the KPI grammar (or a follow-up of the last KPI answer) read the
    question as a query — a metric with a period or an operation — so it is about numbers
    even when it carries no KPI word; a question about rules or definitions stays one."""
    intent = classify(question)
    if kpi_query and intent in ("knowledge", "feedback") and not _DOCUMENT.search(nfkc(question)):
        intent = "kpi"
    # A follow-up about "the month before" continues a KPI conversation.
    if (
        intent != "draft"
        and previous_month
        and (_PREVIOUS.search(question) or _NEXT.search(question))
    ):
        intent = "kpi"
    if intent == "knowledge":
        return Route(intent=intent, kinds=document_kinds(question))
    if intent != "kpi":
        return Route(intent=intent)
    month = resolve_month(question, months=months, previous=previous_month)
    return Route(intent="kpi", month=month, trend=bool(_TREND.search(nfkc(question))))
