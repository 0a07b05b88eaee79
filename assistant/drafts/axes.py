"""Message axes (訴求軸): what a message argues, and how evidence is matched to each.

Shared by the messaging matrix and the content briefs, so both read the same evidence the
same way.  Three axes are always offered — customer-problem solving, ROI/cost effect,
differentiation — in the order a B2B marketers' survey ranks them (VALUES, 2024, n=327:
customer-problem proposals valued most, then ROI, then differentiation; see ``SURVEY``).
Extra axes (compliance, ease of use, integration, security) are offered only when the
workspace's evidence supports them: at least ``MIN_NOTES`` sales notes or
``MIN_PERSONA_LINES`` persona lines match the axis keywords (``offered_axes``).

Matching is substring matching on NFKC-normalised, lower-cased text: predictable, explainable
to a reviewer ("this note says 連携"), and the same rule a test can apply to the raw files.

The rule for "a sales note supports a persona × axis cell" (``supporting_notes``):
  1. the note's text contains one of the axis keywords, and
  2. the note relates to the persona: it mentions one of the persona's role words
     (``role_words``: 経理 for the accounting manager, CFO/管理本部長/経営陣/財務 for the CFO,
     人事/総務/労務, 情シス/情報システム, 現場/申請者), or the persona's industry (the part of
     its 業種 line before the first bracket, e.g. 製造業) equals the note's industry column or
     appears in the note's text (field notes write it as 「(製造業・従業員420名)」).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from assistant.db.records import StoredFeedbackNote
from assistant.drafts.evidence import EvidenceBook, Line, PersonaProfile
from assistant.errors import NotFoundError
from assistant.text.normalize import fold

MIN_NOTES = 3
MIN_PERSONA_LINES = 2


@dataclass(frozen=True)
class MessageAxis:
    """One 訴求軸.  ``keywords`` find persona lines and notes; ``product_keywords`` (with the
    keywords, or alone when ``product_only``) find product statements, matched against the
    statement and its heading.  Differentiation is product-only because its keywords (比較,
    他社) would pick up 「導入前後の比較」-style lines that do not differentiate anything."""

    id: str
    ja: str
    en: str
    keywords: tuple[str, ...]
    persona_fields: tuple[str, ...]
    default_stage: str
    core: bool = False
    every_line: bool = False  # every line of persona_fields supports it (problem: challenges)
    product_keywords: tuple[str, ...] = ()
    product_only: bool = False  # product statements match product_keywords only
    aliases: tuple[str, ...] = ()

    def name(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en

    def matches(self, text: str) -> bool:
        folded = fold(text)
        return any(k in folded for k in self.keywords)

    def matches_product(self, text: str, heading: str = "") -> bool:
        folded = fold(f"{heading} {text}")
        words = (
            self.product_keywords if self.product_only else (*self.keywords, *self.product_keywords)
        )
        return any(k in folded for k in words)


AXES: tuple[MessageAxis, ...] = (
    MessageAxis(
        id="problem",
        ja="顧客課題解決",
        en="Customer-problem solving",
        keywords=(
            "課題",
            "手作業",
            "手入力",
            "差し戻し",
            "残業",
            "属人",
            "二重入力",
            "工数",
            "紙の",
            "problem",
            "manual",
            "overtime",
        ),
        persona_fields=("challenges",),
        default_stage="awareness",
        core=True,
        every_line=True,
        product_keywords=("機能", "feature", "自動"),
        aliases=("customer-problem", "customer problem", "課題解決", "顧客課題"),
    ),
    MessageAxis(
        id="roi",
        ja="ROI・費用対効果",
        en="ROI / cost effect",
        keywords=(
            "roi",
            "投資対効果",
            "費用対効果",
            "投資回収",
            "回収期間",
            "回収できる",
            "削減",
            "コスト",
            "効果",
            "予算",
            "残業",
            "人件費",
            "価格",
            "payback",
            "cost",
            "saving",
        ),
        persona_fields=("goals", "challenges", "objections"),
        default_stage="decision",
        core=True,
        product_keywords=("導入効果", "短縮", "減少"),
        aliases=("費用対効果", "cost", "cost effect", "roi示唆"),
    ),
    MessageAxis(
        id="differentiation",
        ja="差別化",
        en="Differentiation",
        keywords=(
            "差別化",
            "他社",
            "競合",
            "比較",
            "乗り換え",
            "一体",
            "相見積",
            "competitor",
            "differentiat",
        ),
        persona_fields=("objections", "challenges", "goals"),
        default_stage="consideration",
        core=True,
        product_keywords=("差別化", "一体", "ひとつの画面", "differentiat"),
        product_only=True,
        aliases=("差別化強調", "differentiate"),
    ),
    MessageAxis(
        id="compliance",
        ja="法令対応",
        en="Compliance",
        keywords=(
            "電子帳簿保存法",
            "電帳法",
            "インボイス",
            "適格請求書",
            "法改正",
            "法令",
            "規程",
            "監査",
            "内部統制",
            "compliance",
            "invoice",
        ),
        persona_fields=("goals", "challenges", "objections"),
        default_stage="awareness",
        aliases=("法令", "電子帳簿保存法", "インボイス", "regulation"),
    ),
    MessageAxis(
        id="ease",
        ja="使いやすさ",
        en="Ease of use",
        keywords=(
            "使いやす",
            "使いにく",
            "使い勝手",
            "スマートフォン",
            "スマホ",
            "操作が",
            "操作に",
            "操作を",
            "操作性",
            "操作感",
            "操作動画",
            "画面",
            "シンプル",
            "定着",
            "mobile",
            "usability",
        ),
        persona_fields=("goals", "challenges", "objections"),
        default_stage="consideration",
        aliases=("usability", "ease-of-use", "スマートフォン"),
    ),
    MessageAxis(
        id="integration",
        ja="システム連携",
        en="Integration",
        keywords=(
            "連携",
            "会計システム",
            "大河会計",
            "基幹",
            "api",
            "csv",
            "マスタ",
            "integration",
        ),
        persona_fields=("goals", "challenges", "objections"),
        default_stage="consideration",
        aliases=("連携", "integrations"),
    ),
    MessageAxis(
        id="security",
        ja="セキュリティ",
        en="Security",
        keywords=(
            "セキュリティ",
            "sso",
            "saml",
            "scim",
            "isms",
            "soc 2",
            "soc2",
            "操作ログ",
            "暗号化",
            "個人情報",
            "脆弱性",
            "security",
        ),
        persona_fields=("goals", "challenges", "objections"),
        default_stage="decision",
        aliases=("セキュリティ審査", "情報セキュリティ"),
    ),
)
CORE_AXES: tuple[MessageAxis, ...] = tuple(a for a in AXES if a.core)
_BY_ID = {a.id: a for a in AXES}


@dataclass(frozen=True)
class Survey:
    """The survey behind the default order of the core axes (from the domain article)."""

    shares: dict[str, tuple[float, str]]
    respondents: int
    source_ja: str
    source_en: str

    def register(self, book: EvidenceBook, lang: str) -> dict[str, str]:
        """Facts for the shares and the sample size, keyed by axis id (and ``n``)."""
        source = self.source_ja if lang == "ja" else self.source_en
        refs = {
            axis_id: book.fact(
                f"survey:values-2024:{axis_id}",
                _BY_ID[axis_id].name(lang),
                value,
                "ratio",
                display,
                source=source,
            )
            for axis_id, (value, display) in self.shares.items()
        }
        refs["n"] = book.fact(
            "survey:values-2024:n",
            "回答者数" if lang == "ja" else "respondents",
            self.respondents,
            "count",
            f"n={self.respondents}",
            source=source,
        )
        return refs


SURVEY = Survey(
    shares={
        "problem": (0.544, "54.4%"),
        "roi": (0.391, "39.1%"),
        "differentiation": (0.388, "38.8%"),
    },
    respondents=327,
    source_ja="VALUES調査（2024年、n=327、BtoBマーケティング担当者限定のアンケート）"
    "— marketing-director-role.ja.txt",
    source_en="VALUES survey (2024, n=327, B2B marketers only) — marketing-director-role.ja.txt",
)


def axis_by_id(axis_id: str) -> MessageAxis:
    return _BY_ID[axis_id]


def _valid_names() -> str:
    return ", ".join(f"{a.id} ({a.ja} / {a.en})" for a in AXES)


def resolve_axis(value: str) -> MessageAxis:
    """The axis a user named by id, Japanese or English name or alias (case-insensitive)."""
    wanted = fold(value).strip().replace("_", "-")
    for axis in AXES:
        names = (axis.id, axis.ja, axis.en, *axis.aliases)
        if wanted in {fold(n).replace("_", "-") for n in names}:
            return axis
    raise NotFoundError(f"Unknown message axis '{value}' — use one of: {_valid_names()}")


def resolve_axes(values: Iterable[str]) -> list[MessageAxis]:
    """Several axes (a list, or comma-separated items), each resolved, duplicates dropped."""
    found: list[MessageAxis] = []
    for value in values:
        for part in re.split(r"[,、]", value):
            if part.strip():
                axis = resolve_axis(part)
                if axis not in found:
                    found.append(axis)
    return found


# (words in a persona's name or role that pick the group, words a note uses for that role)
ROLE_GROUPS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("cfo", "管理本部長"), ("cfo", "管理本部長", "経営陣", "財務")),
    (("経理",), ("経理",)),
    (("人事", "総務"), ("人事", "総務", "労務")),
    (("情報システム", "情シス"), ("情シス", "情報システム")),
    (("現場", "申請者"), ("現場", "申請者")),
)


def role_words(persona: PersonaProfile) -> tuple[str, ...]:
    """Words a sales note uses for this persona's role (normalised).

    Picked from the persona's *name* (「経理部長 佐藤さん」→ 経理) rather than its role line,
    because role lines list everything the person oversees (a CFO's mentions 経理・人事...)."""
    name = fold(persona.name)
    words: list[str] = []
    for triggers, said in ROLE_GROUPS:
        if any(t in name for t in triggers):
            words += [w for w in said if w not in words]
    return tuple(words) or (fold(persona.short_name),)


def persona_industry(persona: PersonaProfile) -> str | None:
    """「製造業(産業機械部品メーカー…)」→ 製造業 (normalised); None when not given."""
    line = persona.profile.get("industry")
    if line is None:
        return None
    head = re.split(r"[(（]", fold(line.text), maxsplit=1)[0].strip()
    return head or None


def note_relates(note: StoredFeedbackNote, persona: PersonaProfile) -> bool:
    """Rule 2 of the module docstring: role words in the note, or the same industry."""
    text = fold(note.note.text)
    if any(w in text for w in role_words(persona)):
        return True
    industry = persona_industry(persona)
    if not industry:
        return False
    return fold(note.note.industry or "") == industry or industry in text


def supporting_notes(
    notes: Sequence[StoredFeedbackNote], persona: PersonaProfile, axis: MessageAxis
) -> list[StoredFeedbackNote]:
    """The notes that support ``persona`` × ``axis`` (the module docstring's rule)."""
    return [n for n in notes if axis.matches(n.note.text) and note_relates(n, persona)]


def persona_lines(persona: PersonaProfile, axis: MessageAxis) -> list[Line]:
    """The persona's lines an axis speaks to, in field order (no duplicates)."""
    out: list[Line] = []
    for field_name in axis.persona_fields:
        for line in persona.lines(field_name):
            if (axis.every_line or axis.matches(line.text)) and line not in out:
                out.append(line)
    return out


def offered_axes(
    notes: Sequence[StoredFeedbackNote], personas: Sequence[PersonaProfile]
) -> list[MessageAxis]:
    """The core axes, then each extra axis whose evidence reaches the thresholds."""
    offered = list(CORE_AXES)
    for axis in AXES:
        if axis.core:
            continue
        note_hits = sum(1 for n in notes if axis.matches(n.note.text))
        line_hits = sum(len(persona_lines(p, axis)) for p in personas)
        if note_hits >= MIN_NOTES or line_hits >= MIN_PERSONA_LINES:
            offered.append(axis)
    return offered
