"""Positioning for one persona (or a segment): who, their problem, what we are, why believe us.

Each part is chosen by code from the workspace's evidence and cites it:

- target: the persona's role / industry / company-size lines;
- problem: the persona's challenge that the most sales notes of the segment echo (a note
  echoes a challenge when they share at least ``SUPPORT_MIN`` content words) — a count;
- category and key benefit: the product document's opening sentence and its 主な機能 items
  closest to that problem (with the product's own caveats, e.g. an integration 未対応);
- reason to believe: 導入効果 statements quoted verbatim, plus won-deal notes;
- alternative: the competitor the segment's notes name most (ties: most named overall);
- differentiation: that competitor's 弱み / 勝ちパターン against our matching feature.

A part with no evidence is a gap that says what is missing; nothing is made up to fill it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pydantic import BaseModel, Field

from assistant.chat.passages import Statement, normalize, statements, terms
from assistant.db.records import StoredFeedbackNote
from assistant.drafts.checks import refs_in
from assistant.drafts.context import DraftContext
from assistant.drafts.evidence import Line, Passage, PersonaProfile
from assistant.drafts.models import Claim, Section

_SHORT_NOTE = 120  # a note this short is quoted whole: its second sentence is the reason
SUPPORT_MIN = 2  # shared content words for a sales note to count as echoing a challenge
_NOT_YET = ("未対応", "未取得", "検討中", "予定")
_FEATURE = re.compile(r"^\*\*(.+?)\*\*\s*[:：]\s*(.*)$")
_INDUSTRY_HEAD = re.compile(r"[(（、,]")
_EMPLOYEES = re.compile(r"従業員\s*([\d,]+)\s*名")
_ASCII_TAIL = re.compile(r"[\sa-z0-9+.]+$")
_KANJI_TAIL = re.compile(r"[\u4e00-\u9fff]+$")


class Positioning(BaseModel):
    """A positioning statement and the evidenced parts it is built from."""

    persona: str | None = Field(None, description="The persona it is for; None = segment.")
    segment: str | None = Field(None, description="The industry whose notes were counted.")
    product: str = Field(description="Our product's name as the product document writes it.")
    statement: Claim = Field(description="For <target> who <problem>, <product> is ...")
    target: Claim
    problem: Claim
    category: Claim
    key_benefit: Claim
    reason_to_believe: Claim
    alternative: Claim
    differentiation: Claim
    caveats: list[Claim] = Field(
        default_factory=list, description="What the product document says is not there yet."
    )


@dataclass
class _Segment:
    personas: list[PersonaProfile]
    industry: str | None
    notes: list[StoredFeedbackNote]
    all_notes: list[StoredFeedbackNote]
    label: str


@dataclass(frozen=True)
class _Competitor:
    name: str
    passages: tuple[Passage, ...]
    variants: frozenset[str]


def _words(text: str) -> set[str]:
    """Content words worth matching on: two characters or more, not bare numbers."""
    return {t for t in terms(text) if len(t) >= 2 and not t.isdigit()}


def _overlap(a: str, b: str) -> int:
    return len(_words(a) & _words(b))


def _q(text: str, ref: str) -> str:
    return f"「{text}」[{ref}]"


# What is missing, per gap: (section key, ja, en); ``{x}`` is filled by ``_gap``.
_GAPS = {
    "no_persona": (
        "target",
        "{x}に当てはまるペルソナがありません（kind: persona の資料を取り込んでください）。",
        "No persona matches {x} (ingest persona documents, kind: persona).",
    ),
    "no_profile": (
        "target",
        "{x}に役割・業種・企業規模の記載がありません。",
        "{x} has no role, industry or company size lines.",
    ),
    "no_challenge": (
        "problem",
        "ペルソナに課題（challenges）の記載がないため、課題を特定できません。",
        "No persona challenges are written down, so no problem can be named.",
    ),
    "no_category": (
        "category",
        "製品資料（kind: product）に製品を説明する文（「{x}は…です。」）がありません。",
        "No product document (kind: product) says what {x} is («{x}は…です。»).",
    ),
    "no_features": (
        "benefit",
        "製品資料に「主な機能」の記載がないため、ベネフィットを書けません。",
        "The product document lists no 主な機能 (features), so no benefit can be named.",
    ),
    "no_competitors": (
        "alternative",
        "競合資料（kind: competitor）がないため、主な代替・競合を特定できません。",
        "No competitor documents (kind: competitor), so no main alternative can be named.",
    ),
    "no_mentions": (
        "alternative",
        "営業メモに競合製品の名前が一度も出てこないため、主な代替・競合を特定できません。",
        "No sales note names a competitor, so no main alternative can be named.",
    ),
    "no_rival": (
        "differentiation",
        "主な競合が特定できないため、差別化を書けません（競合資料と営業メモが必要です）。",
        "No main competitor was found, so no differentiation (needs competitor documents and "
        "sales notes).",
    ),
    "no_weakness": (
        "differentiation",
        "{x}の競合資料に「弱み」の記載がないため、差別化を書けません。",
        "The notes on {x} list no 弱み (weaknesses), so no differentiation.",
    ),
    "no_strength": (
        "differentiation",
        "製品資料に、{x}のこの弱みに対応する当社の記載が見つかりません。",
        "The product document says nothing that answers this weakness of {x}.",
    ),
    "no_reason": (
        "reason_to_believe",
        "製品資料に「導入効果」がなく、受注時の営業メモもないため、信じる理由を示せません。",
        "No 導入効果 (measured effects) in the product document and no won-deal notes, so no "
        "reason to believe can be shown.",
    ),
}


def _gap(ctx: DraftContext, what: str, x: str = "") -> Claim:
    """A part left empty on purpose: the text says which evidence is missing."""
    key, ja, en = _GAPS[what]
    message = ctx.t(ja, en).format(x=x)
    ctx.warn("gap", message, section=key)
    return Claim(text=message)


# -- segment ---------------------------------------------------------------------------
def industry_head(line: str) -> str:
    """「製造業(産業機械部品メーカー…)」 -> 「製造業」: the industry as sales notes name it."""
    text = unicodedata.normalize("NFKC", line)
    return _INDUSTRY_HEAD.split(text, maxsplit=1)[0].strip()


def in_industry(note: StoredFeedbackNote, industry: str) -> bool:
    """A note's industry column, or for free text a 「(製造業・…)」 after the account name."""
    wanted = normalize(industry)
    if note.note.industry:
        return normalize(note.note.industry) == wanted
    return re.search(rf"[(（]{re.escape(wanted)}[・、,)）]", normalize(note.note.text)) is not None


def _segment(ctx: DraftContext) -> _Segment:
    corpus, request = ctx.corpus, ctx.request
    wanted = request.options.get("segment") or None
    if request.persona:
        personas = [corpus.persona(request.persona)]
    else:
        personas = [
            p
            for p in corpus.personas
            if not wanted
            or (
                "industry" in p.profile
                and normalize(wanted) in normalize(p.profile["industry"].text)
            )
        ]
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
    return _Segment(personas, industry, notes, all_notes, label)


def _count_fact(ctx: DraftContext, key: str, label: str, value: int, notes: Sequence) -> str:
    sources = sorted({n.source for n in notes}) or ["feedback"]
    return ctx.book.fact(
        f"positioning:{key}",
        label,
        float(value),
        "count",
        ctx.t(f"{value}件", f"{value} notes"),
        source=", ".join(sources),
    )


# -- target ----------------------------------------------------------------------------
def _target(ctx: DraftContext, seg: _Segment) -> Claim:
    if not seg.personas:
        return _gap(ctx, "no_persona", seg.label)
    if len(seg.personas) == 1:
        persona = seg.personas[0]
        parts, refs = [], []
        for field in ("role", "industry", "company_size"):
            if line := persona.profile.get(field):
                refs.append(ctx.book.cite_line(line))
                parts.append(_q(line.text, refs[-1]))
        if not parts:
            return _gap(ctx, "no_profile", persona.name)
        return Claim(text=f"{persona.name}: " + " / ".join(parts), refs=refs)
    return _segment_target(ctx, seg)


def _segment_target(ctx: DraftContext, seg: _Segment) -> Claim:
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


# -- problem ---------------------------------------------------------------------------
@dataclass(frozen=True)
class _Support:
    """A persona challenge and the sales notes that share its words."""

    line: Line
    notes: tuple[tuple[int, StoredFeedbackNote], ...]  # (shared words, note), best first

    @property
    def text(self) -> str:
        return self.line.text


def _supports(seg: _Segment) -> list[_Support]:
    """Every challenge of the segment's personas, most echoed by the notes first."""
    note_words = [(n, _words(n.note.text)) for n in seg.notes]
    out: list[_Support] = []
    seen: set[str] = set()
    for persona in seg.personas:
        for line in persona.lines("challenges"):
            if line.text in seen:
                continue
            seen.add(line.text)
            words = _words(line.text)
            shared = [(len(words & nw), n) for n, nw in note_words]
            matched = sorted(((k, n) for k, n in shared if k >= SUPPORT_MIN), key=lambda x: -x[0])
            out.append(_Support(line, tuple(matched)))
    return sorted(out, key=lambda s: -len(s.notes))


def _best_sentence(passage: Passage, about: str) -> str:
    """The statement of ``passage`` sharing most words with ``about`` (verbatim)."""
    found = [s.text for s in statements(passage.text)] or [passage.text.strip()]
    return max(found, key=lambda s: _overlap(s, about))


def _example(ctx: DraftContext, note: StoredFeedbackNote, about: str) -> str | None:
    passage = ctx.corpus.feedback_passage(note.source, note.note.row)
    if passage is None:
        return None
    whole = passage.text.strip()
    sentence = whole if len(whole) <= _SHORT_NOTE else _best_sentence(passage, about)
    return _q(sentence, ctx.book.cite(passage, sentence))


def _problem(ctx: DraftContext, seg: _Segment, supports: list[_Support]) -> Claim:
    if not supports:
        return _gap(ctx, "no_challenge")
    if not seg.notes:
        top = supports[0]
        ref = ctx.book.cite_line(top.line)
        return Claim(
            text=ctx.t(
                f"{_q(top.text, ref)}（営業メモがないため、裏づけの件数は数えていません）",
                f"{_q(top.text, ref)} (no sales notes, so no supporting count)",
            ),
            refs=[ref],
        )
    rule = ctx.book.fact(
        "positioning:support_min",
        ctx.t("課題と共有する内容語の最小数", "content words a note must share"),
        float(SUPPORT_MIN),
        "count",
        ctx.t(f"{SUPPORT_MIN}語", f"{SUPPORT_MIN} words"),
        source="assistant.drafts.positioning",
    )
    parts, refs = [], [rule]
    for rank, sup in enumerate(supports[:2]):
        n, ref = len(sup.notes), ctx.book.cite_line(sup.line)
        fact = _count_fact(
            ctx,
            f"support:{seg.label}:{sup.text}",
            ctx.t(
                f"{seg.label}の営業メモで課題「{sup.text[:24]}」と言葉が重なる件数",
                f"{seg.label} notes sharing words with 「{sup.text[:24]}」",
            ),
            n,
            seg.notes,
        )
        refs += [ref, fact]
        example = _example(ctx, sup.notes[0][1], sup.text) if rank == 0 and n else None
        ex = ctx.t(f"例：{example}", f"e.g. {example}") if example else ""
        lead = ctx.t("次点：" if rank else "", "Next: " if rank else "")
        parts.append(
            ctx.t(
                f"{lead}{_q(sup.text, ref)} — {seg.label}の営業メモ{n}件[{fact}]が同じ言葉で触れています。{ex}",
                f"{lead}{_q(sup.text, ref)} — {n} {seg.label} sales notes[{fact}] use its words. {ex}",
            ).strip()
        )
    refs += refs_in("\n".join(parts))
    parts.append(
        ctx.t(
            f"（数え方：課題と{SUPPORT_MIN}語[{rule}]以上の内容語を共有するメモを数えています）",
            f"(Counted: notes sharing at least {SUPPORT_MIN}[{rule}] content words with it.)",
        )
    )
    return Claim(text="\n\n".join(parts), refs=list(dict.fromkeys(refs)))


# -- product ---------------------------------------------------------------------------
@dataclass(frozen=True)
class _Product:
    name: str
    category: tuple[Passage, Statement] | None
    features: list[tuple[Passage, Statement]]
    strengths: list[tuple[Passage, Statement]]
    effects: list[tuple[Passage, Statement]]
    not_yet: list[tuple[Passage, Statement]]


def _product(ctx: DraftContext) -> _Product | None:
    passages = ctx.corpus.of_kind("product")
    if not passages:
        return None
    meta = passages[0].meta
    name = str(meta.get("product") or meta.get("name") or passages[0].title.split()[0])
    found = [(p, st) for p in passages for st in statements(p.text)]
    said = [(p, st) for p, st in found if not st.text.startswith("※")]
    category = next((x for x in said if x[1].text.startswith(f"{name}は")), None)
    features = [x for x in said if "機能" in x[1].heading and not _is_not_yet(x[1].text)]
    intro = [x for x in said if name in x[1].heading and not _is_not_yet(x[1].text)]
    return _Product(
        name=name,
        category=category,
        features=features,
        strengths=features + [x for x in intro if x is not category],
        effects=[x for x in said if "導入効果" in x[1].heading],
        not_yet=[x for x in said if _is_not_yet(x[1].text)],
    )


def _is_not_yet(text: str) -> bool:
    return any(word in text for word in _NOT_YET)


def _category_phrase(product: _Product) -> str:
    """「ケイリクラウドは、…クラウドサービスです。」 -> 「…クラウドサービス」."""
    if product.category is None:
        return ""
    text = product.category[1].text
    m = re.match(rf"^{re.escape(product.name)}は[、,]?(.+?)です。?$", text)
    return m.group(1) if m else text


def _category(ctx: DraftContext, product: _Product | None) -> Claim:
    if product is None or product.category is None:
        return _gap(ctx, "no_category", product.name if product else ctx.t("製品名", "the product"))
    passage, st = product.category
    ref = ctx.book.cite(passage, st.text)
    return Claim(text=_q(st.text, ref), refs=[ref])


def feature_label(text: str) -> str:
    """「**請求書受領**:PDF…」 -> 「請求書受領」 (the text itself when it has no label)."""
    m = _FEATURE.match(text)
    return m.group(1) if m else text


def _pick(
    items: Sequence[tuple[Passage, Statement]], about: str, *, n: int, least: int
) -> list[tuple[Passage, Statement]]:
    """The ``n`` items sharing most words with ``about`` (at least ``least``), best first."""
    scored = sorted(
        ((_overlap(st.text, about), i, (p, st)) for i, (p, st) in enumerate(items)),
        key=lambda x: (-x[0], x[1]),
    )
    return [x for k, _, x in scored if k >= least][:n]


def _benefit(
    ctx: DraftContext, product: _Product | None, problems: Sequence[str]
) -> tuple[Claim, list[Statement]]:
    if product is None or not product.features:
        claim = _gap(ctx, "no_features")
        return claim, []
    chosen: list[tuple[Passage, Statement]] = []
    for problem in problems:
        chosen += [
            x for x in _pick(product.features, problem, n=1, least=SUPPORT_MIN) if x not in chosen
        ]
    chosen = chosen or product.features[:1]
    lines, refs = [], []
    for passage, st in chosen:
        refs.append(ctx.book.cite(passage, st.text))
        lines.append(f"- {_q(st.text, refs[-1])}")
    return Claim(text="\n".join(lines), refs=refs), [st for _, st in chosen]


def _caveats(ctx: DraftContext, product: _Product | None, problems: Sequence[str]) -> list[Claim]:
    """The product's own 未対応 / 予定 notes that touch the problem: said, never hidden."""
    if product is None or not problems:
        return []
    out: list[Claim] = []
    for passage, st in _pick(product.not_yet, problems[0], n=2, least=SUPPORT_MIN + 1):
        ref = ctx.book.cite(passage, st.text)
        out.append(Claim(text=_q(st.text, ref), refs=[ref]))
    return out


# -- alternative -----------------------------------------------------------------------
def name_variants(name: str) -> frozenset[str]:
    """A competitor's name and its short form as reps write it (「ビズフロー経費」 -> 「ビズフロー」,
    「スマート精算ONE」 -> 「スマート精算」); a short form under four characters is too common."""
    full = normalize(name).strip()
    short = _ASCII_TAIL.sub("", full) if _ASCII_TAIL.search(full) else _KANJI_TAIL.sub("", full)
    return frozenset({full, short.strip()} if len(short.strip()) >= 4 else {full})


def competitors(ctx: DraftContext) -> list[_Competitor]:
    """The competitors the workspace has notes on (kind: competitor), by name."""
    grouped: dict[str, list[Passage]] = {}
    for passage in ctx.corpus.of_kind("competitor"):
        name = str(passage.meta.get("competitor") or passage.title.split(":")[-1]).strip()
        grouped.setdefault(name, []).append(passage)
    return [_Competitor(n, tuple(ps), name_variants(n)) for n, ps in grouped.items()]


def mentions(comp: _Competitor, notes: Iterable[StoredFeedbackNote]) -> list[StoredFeedbackNote]:
    return [n for n in notes if any(v in normalize(n.note.text) for v in comp.variants)]


@dataclass(frozen=True)
class _Rival:
    comp: _Competitor
    in_segment: list[StoredFeedbackNote]
    overall: list[StoredFeedbackNote]


def _rivals(ctx: DraftContext, seg: _Segment) -> list[_Rival]:
    """Competitors by mentions in the segment's notes, ties broken by mentions overall."""
    rivals = [
        _Rival(c, mentions(c, seg.notes), mentions(c, seg.all_notes)) for c in competitors(ctx)
    ]
    return sorted(rivals, key=lambda r: (-len(r.in_segment), -len(r.overall)))


def _mention_row(ctx: DraftContext, seg: _Segment, rival: _Rival) -> tuple[str, list[str]]:
    """「- name: n in the segment / m overall」 with both counts registered as facts."""
    name = rival.comp.name
    n_all = len(rival.overall)
    all_ref = _count_fact(
        ctx,
        f"mentions:all:{name}",
        ctx.t(f"全営業メモで{name}に触れた件数", f"all notes naming {name}"),
        n_all,
        seg.all_notes,
    )
    if len(seg.notes) == len(seg.all_notes):
        return ctx.t(f"- {name}：{n_all}件[{all_ref}]", f"- {name}: {n_all}[{all_ref}]"), [all_ref]
    n_seg = len(rival.in_segment)
    seg_ref = _count_fact(
        ctx,
        f"mentions:{seg.label}:{name}",
        ctx.t(f"{seg.label}の営業メモで{name}に触れた件数", f"{seg.label} notes naming {name}"),
        n_seg,
        seg.notes,
    )
    row = ctx.t(
        f"- {name}：{seg.label} {n_seg}件[{seg_ref}]／全体 {n_all}件[{all_ref}]",
        f"- {name}: {n_seg}[{seg_ref}] in {seg.label} / {n_all}[{all_ref}] overall",
    )
    return row, [seg_ref, all_ref]


def _alternative(ctx: DraftContext, seg: _Segment, rivals: list[_Rival]) -> Claim:
    if not rivals:
        return _gap(ctx, "no_competitors")
    top = rivals[0]
    if not top.overall:
        return _gap(ctx, "no_mentions")
    rows, refs = [], []
    for rival in rivals:
        row, row_refs = _mention_row(ctx, seg, rival)
        rows.append(row)
        refs += row_refs
    segmented = len(seg.notes) != len(seg.all_notes)
    tie = segmented and len(rivals) > 1 and len(rivals[1].in_segment) == len(top.in_segment)
    why = ctx.t(
        "（同数のため全体の件数で選んでいます）" if tie else "",
        " (tied, so chosen by the count over all notes)" if tie else "",
    )
    head = ctx.t(
        f"**{top.comp.name}** — {seg.label}の営業メモで最も多く名前が出る競合です{why}。",
        f"**{top.comp.name}** — the competitor {seg.label} sales notes name most{why}.",
    )
    quotes = [
        e for n in (top.in_segment or top.overall)[:2] if (e := _example(ctx, n, top.comp.name))
    ]
    body = [head, "\n".join(rows)]
    if quotes:
        body.append(ctx.t("営業メモ：", "Sales notes: ") + " ".join(quotes))
    return Claim(text="\n\n".join(body), refs=refs + refs_in(" ".join(quotes)))


# -- differentiation -------------------------------------------------------------------
def _under(comp: _Competitor, heading: str) -> list[tuple[Passage, Statement]]:
    return [(p, st) for p in comp.passages for st in statements(p.text) if heading in st.heading]


def _differentiation(
    ctx: DraftContext, rival: _Rival | None, product: _Product | None, about: str
) -> tuple[Claim, str, str]:
    """Their weakness against our matching strength, and where they tend to lose.

    Returns the claim plus the weakness and our strength's label for the statement."""
    if rival is None or not rival.overall:
        claim = _gap(ctx, "no_rival")
        return claim, "", ""
    name = rival.comp.name
    weak = _under(rival.comp, "弱み")
    strengths = product.strengths if product else []

    def score(w: tuple[Passage, Statement]) -> int:
        best = max((_overlap(w[1].text, s.text) for _, s in strengths), default=0)
        return best + _overlap(w[1].text, about)

    if not weak:
        claim = _gap(ctx, "no_weakness", name)
        return claim, "", ""
    w_passage, w_st = max(weak, key=score)
    w_ref = ctx.book.cite(w_passage, w_st.text)
    parts = [
        ctx.t(f"{name}の弱み：{_q(w_st.text, w_ref)}", f"{name}'s weakness: {_q(w_st.text, w_ref)}")
    ]
    refs = [w_ref]
    ours = _pick(strengths, w_st.text, n=1, least=SUPPORT_MIN)
    label = ""
    if ours:
        s_passage, s_st = ours[0]
        s_ref = ctx.book.cite(s_passage, s_st.text)
        refs.append(s_ref)
        label = feature_label(s_st.text)
        parts.append(ctx.t(f"当社：{_q(s_st.text, s_ref)}", f"Ours: {_q(s_st.text, s_ref)}"))
    else:
        parts.append(_gap(ctx, "no_strength", name).text)
    wins = _pick(_under(rival.comp, "勝ちパターン"), f"{about} {w_st.text}", n=1, least=0)
    if wins:
        p_passage, p_st = wins[0]
        p_ref = ctx.book.cite(p_passage, p_st.text)
        refs.append(p_ref)
        parts.append(
            ctx.t(
                f"当社が勝ちやすい条件：{_q(p_st.text, p_ref)}",
                f"Where we tend to win: {_q(p_st.text, p_ref)}",
            )
        )
    return Claim(text="\n\n".join(parts), refs=refs), w_st.text, label


# -- reason to believe -----------------------------------------------------------------
def _won(note: StoredFeedbackNote) -> bool:
    stage = note.note.stage
    return stage == "受注" if stage else "受注" in note.note.text


def _reason(ctx: DraftContext, seg: _Segment, product: _Product | None, about: str) -> Claim:
    """The product's measured effects, verbatim, and what won deals in the segment said."""
    effects = _pick(product.effects, about, n=2, least=0) if product else []
    won = [n for n in seg.notes if _won(n)]
    if not effects and not won:
        return _gap(ctx, "no_reason")
    parts, refs = [], []
    if effects:
        lines = []
        for passage, st in effects:
            refs.append(ctx.book.cite(passage, st.text))
            lines.append(f"- {_q(st.text, refs[-1])}")
        parts.append(
            ctx.t(
                "導入効果（製品資料、数字は原文のまま）：",
                "Measured effects (product document, verbatim):",
            )
            + "\n"
            + "\n".join(lines)
        )
    if won:
        fact = _count_fact(
            ctx,
            f"won:{seg.label}",
            ctx.t(f"{seg.label}の受注メモ", f"{seg.label} won-deal notes"),
            len(won),
            seg.notes,
        )
        best = sorted(won, key=lambda n: -_overlap(n.note.text, about))[:2]
        quotes = [e for n in best if (e := _example(ctx, n, about))]
        refs += [fact, *refs_in(" ".join(quotes))]
        parts.append(
            ctx.t(
                f"{seg.label}の受注メモ{len(won)}件[{fact}]から：",
                f"From {len(won)} {seg.label} won-deal notes[{fact}]: ",
            )
            + " ".join(quotes)
        )
    return Claim(text="\n\n".join(parts), refs=refs)


# -- statement -------------------------------------------------------------------------
@dataclass
class _Picks:
    target: str = ""
    problem: str = ""
    category: str = ""
    benefits: tuple[str, ...] = ()
    alternative: str = ""
    weakness: str = ""
    strength: str = ""


def _target_phrase(ctx: DraftContext, seg: _Segment) -> str:
    if len(seg.personas) != 1:
        return "、".join(p.short_name for p in seg.personas)
    persona = seg.personas[0]
    line = persona.profile.get("industry")
    if line is None:
        return persona.short_name
    head = industry_head(line.text)
    return ctx.t(f"{head}の{persona.short_name}", f"{persona.short_name} ({head})")


def _statement(ctx: DraftContext, product: str, picks: _Picks, refs: Sequence[str]) -> Claim:
    """The classic one-paragraph positioning, each slot filled from an evidenced part."""
    hole = ctx.t("〈根拠なし〉", "<no evidence>")
    benefits = "・".join(f"「{b}」" for b in picks.benefits) or hole
    ja = (
        f"「{picks.problem or hole}」という課題を抱える{picks.target or hole}にとって、"
        f"{product}は{picks.category or hole}です。{benefits}を提供します。"
        f"{picks.alternative or hole}と比べると、「{picks.weakness or hole}」という弱みに対して"
        f"{('「' + picks.strength + '」') if picks.strength else hole}で応えられます。"
    )
    en = (
        f"For {picks.target or hole} who face 「{picks.problem or hole}」, {product} is "
        f"「{picks.category or hole}」 that offers {benefits}. Unlike "
        f"{picks.alternative or hole}, whose weakness is 「{picks.weakness or hole}」, it answers "
        f"with {('「' + picks.strength + '」') if picks.strength else hole}."
    )
    refs = list(dict.fromkeys(r for r in refs if r.startswith("S")))
    return Claim(text=f"{ctx.t(ja, en)} " + "".join(f"[{r}]" for r in refs), refs=refs)


# -- compose / render ------------------------------------------------------------------
PAYLOAD = Positioning


def _persona_text(seg: _Segment) -> str:
    """What the personas say about themselves: challenges and company size."""
    lines = [line.text for p in seg.personas for line in p.lines("challenges")]
    lines += [p.profile["company_size"].text for p in seg.personas if "company_size" in p.profile]
    return " ".join(lines)


def compose(ctx: DraftContext) -> Positioning:
    """The positioning built from the workspace's evidence (no LLM)."""
    seg = _segment(ctx)
    product = _product(ctx)
    supports = _supports(seg)
    problems = [s.text for s in supports[:2]]
    target = _target(ctx, seg)
    problem = _problem(ctx, seg, supports)
    category = _category(ctx, product)
    benefit, features = _benefit(ctx, product, problems)
    rivals = _rivals(ctx, seg)
    alternative = _alternative(ctx, seg, rivals)
    rival = rivals[0] if rivals else None
    diff, weakness, strength = _differentiation(ctx, rival, product, _persona_text(seg))
    feature_text = " ".join(st.text for st in features)
    reason = _reason(ctx, seg, product, f"{' '.join(problems)} {feature_text} {strength}")
    picks = _Picks(
        target=_target_phrase(ctx, seg) if target.refs else "",
        problem=problems[0] if problem.refs else "",
        category=_category_phrase(product) if product and category.refs else "",
        benefits=tuple(feature_label(st.text) for st in features),
        alternative=rival.comp.name if rival and alternative.refs else "",
        weakness=weakness,
        strength=strength,
    )
    name = product.name if product else ctx.t("当社製品", "our product")
    # The statement cites the quotes it paraphrases: profile, top challenge, product, rival.
    quoted = [
        *target.refs,
        *[r for r in problem.refs if r.startswith("S")][:1],
        *category.refs,
        *benefit.refs,
        *diff.refs[:2],
    ]
    return Positioning(
        persona=seg.personas[0].name if ctx.request.persona and seg.personas else None,
        segment=seg.industry,
        product=name,
        statement=_statement(ctx, name, picks, quoted),
        target=target,
        problem=problem,
        category=category,
        key_benefit=benefit,
        reason_to_believe=reason,
        alternative=alternative,
        differentiation=diff,
        caveats=_caveats(ctx, product, problems),
    )


_SECTIONS = (
    ("statement", "statement", "ポジショニング・ステートメント", "Positioning statement"),
    ("target", "target", "ターゲット", "Target"),
    ("problem", "problem", "顧客の課題", "Their problem"),
    ("category", "category", "カテゴリー", "Category"),
    ("benefit", "key_benefit", "主なベネフィット", "Key benefit"),
    ("reason_to_believe", "reason_to_believe", "信じる理由", "Reason to believe"),
    ("alternative", "alternative", "主な代替・競合", "Main alternative"),
    ("differentiation", "differentiation", "差別化", "Differentiation"),
)
_PARTS = ("target", "problem", "category", "key_benefit", "alternative", "differentiation")


def _body(claim: Claim, extra: Sequence[Claim], ctx: DraftContext) -> tuple[str, list[str]]:
    body, refs = claim.text, list(claim.refs)
    if extra:
        head = ctx.t("製品資料の注記（未対応・予定）：", "Caveats in the product document:")
        body += "\n\n" + head + "\n" + "\n".join(f"- {c.text}" for c in extra)
        refs += [r for c in extra for r in c.refs]
    missing = [r for r in dict.fromkeys(refs) if f"[{r}]" not in body]
    if missing:
        body += " " + "".join(f"[{r}]" for r in missing)
    return body, list(dict.fromkeys(refs))


def render(payload: Positioning, ctx: DraftContext) -> tuple[str, list[Section]]:
    """Title and one section per part, ``statement`` first; a part without refs is a gap."""
    who = payload.persona or ctx.t(
        f"{payload.segment or '全ペルソナ'}セグメント",
        f"{payload.segment or 'all personas'} segment",
    )
    title = ctx.t(
        f"ポジショニング：{who}（{payload.product}）", f"Positioning: {who} ({payload.product})"
    )
    sections: list[Section] = []
    for key, field, ja, en in _SECTIONS:
        claim: Claim = getattr(payload, field)
        extra = payload.caveats if key == "benefit" else []
        body, refs = _body(claim, extra, ctx)
        if key == "statement":
            complete = all(getattr(payload, name).refs for name in _PARTS)
            status = "ok" if complete else "gap"
        else:
            status = "ok" if claim.refs else "gap"
        sections.append(Section(key=key, title=ctx.t(ja, en), body=body, refs=refs, status=status))
    return title, sections
