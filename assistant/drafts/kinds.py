"""What each draft kind is and takes: one spec per kind, read by the CLI, the Drafts page, chat
and the exports, so no per-kind rule is written anywhere else.

A spec says which options a kind takes (anything else is a usage error, never silently
stored), whether it needs a persona, how many 訴求軸 it takes, its names in ja and en, the
words that ask for it in chat, and the package that composes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from assistant.drafts.models import DRAFT_KINDS, DraftKind
from assistant.errors import NotFoundError
from assistant.text.normalize import nfkc

Option = Literal["persona", "segment", "axis", "all_personas", "revenue_target", "format", "stage"]
PersonaRule = Literal["none", "optional", "required"]
AxisRule = Literal["none", "one", "many"]

# A content brief's funnel stages and formats, with their names (ja, en).
STAGES: tuple[str, ...] = ("awareness", "consideration", "decision")
FORMATS: tuple[str, ...] = ("white-paper", "webinar", "blog", "case-study", "email-nurture")
FORMAT_NAMES = {
    "white-paper": ("ホワイトペーパー", "White paper"),
    "webinar": ("ウェビナー", "Webinar"),
    "blog": ("ブログ記事", "Blog post"),
    "case-study": ("導入事例", "Case study"),
    "email-nurture": ("ナーチャリングメール", "Email nurture"),
}
STAGE_NAMES = {
    "awareness": ("認知", "Awareness"),
    "consideration": ("比較検討", "Consideration"),
    "decision": ("意思決定", "Decision"),
}


def stage_name(stage: str, lang: str) -> str:
    return STAGE_NAMES[stage][0 if lang == "ja" else 1]


def format_name(fmt: str, lang: str) -> str:
    """A format's display name (an unknown format, e.g. from an LLM rewrite, as given)."""
    return FORMAT_NAMES.get(fmt, (fmt, fmt))[0 if lang == "ja" else 1]


__all__ = [
    "FORMATS",
    "KINDS",
    "STAGES",
    "KindSpec",
    "format_name",
    "kind_asked_for",
    "spec",
    "stage_name",
]


@dataclass(frozen=True)
class KindSpec:
    id: DraftKind
    package: str
    options: frozenset[Option]
    persona: PersonaRule
    axes: AxisRule
    names: tuple[str, str]  # (ja, en), as pages and exports name the kind
    titles: tuple[str, str]  # (ja, en), as a sentence names it ("I drafted the …")
    asked_by: re.Pattern[str]  # words in a chat message that ask for this kind
    batch: bool = False  # several drafts from one request (every persona × axis)

    def name(self, lang: str) -> str:
        return self.names[0] if lang == "ja" else self.names[1]

    def title(self, lang: str) -> str:
        return self.titles[0] if lang == "ja" else self.titles[1]

    def refusal(self, given: set[str]) -> str | None:
        """What is wrong with ``given`` options (named as flags), or ``None`` when all fit."""
        extra = sorted(given - self.options)
        if not extra:
            return None
        takes = ", ".join(_flag(o) for o in sorted(self.options)) or "none of them"
        return f"{self.id} does not take {', '.join(map(_flag, extra))} (it takes {takes})"


def _flag(option: str) -> str:
    return "--" + option.replace("_", "-")


KINDS: dict[str, KindSpec] = {
    "positioning": KindSpec(
        id="positioning",
        package="assistant.drafts.positioning",
        options=frozenset({"persona", "segment"}),
        persona="optional",
        axes="none",
        names=("ポジショニング", "Positioning"),
        titles=("ポジショニング", "positioning"),
        asked_by=re.compile(r"ポジショニング|positioning", re.I),
    ),
    "messaging": KindSpec(
        id="messaging",
        package="assistant.drafts.messaging",
        options=frozenset({"persona", "axis"}),
        persona="optional",
        axes="many",
        names=("訴求軸メッセージ", "Messaging matrix"),
        titles=("訴求軸メッセージマトリクス", "messaging matrix"),
        asked_by=re.compile(r"訴求軸|メッセージ|メッセージング|messaging|message\s+matrix", re.I),
    ),
    "sla": KindSpec(
        id="sla",
        package="assistant.drafts.sla",
        options=frozenset({"revenue_target"}),
        persona="none",
        axes="none",
        names=("マーケティング・営業SLA", "Marketing–sales SLA"),
        titles=("マーケティング・営業SLA", "marketing–sales SLA"),
        asked_by=re.compile(r"sla|サービスレベル|service\s+level", re.I),
    ),
    "improvement-plan": KindSpec(
        id="improvement-plan",
        package="assistant.drafts.improvement_plan",
        options=frozenset(),
        persona="none",
        axes="none",
        names=("改善計画（チェックリスト）", "Improvement plan"),
        titles=("チェックリストに基づく改善計画", "checklist-based improvement plan"),
        asked_by=re.compile(
            r"改善計画|改善プラン|チェックリスト|improvement\s+plan|checklist", re.I
        ),
    ),
    "content-brief": KindSpec(
        id="content-brief",
        package="assistant.drafts.content_brief",
        options=frozenset({"persona", "axis", "all_personas", "format", "stage"}),
        persona="required",
        axes="one",
        names=("コンテンツブリーフ", "Content brief"),
        titles=("コンテンツブリーフ", "content brief"),
        asked_by=re.compile(r"ブリーフ|コンテンツ(企画|案)|content\s+brief|\bbrief\b", re.I),
        batch=True,
    ),
}
# Chat checks the most specific words first (「SLAのメッセージ」 is an SLA request).
_ASK_ORDER = ("sla", "improvement-plan", "content-brief", "messaging", "positioning")
assert set(KINDS) == set(DRAFT_KINDS) == set(_ASK_ORDER)


def spec(kind: str) -> KindSpec:
    """The spec of ``kind``; an unknown kind lists the valid ones."""
    try:
        return KINDS[kind]
    except KeyError:
        raise NotFoundError(
            f"Unknown draft kind '{kind}' — use one of: {', '.join(DRAFT_KINDS)}"
        ) from None


def kind_asked_for(text: str) -> KindSpec | None:
    """The kind a chat message asks for by its words, or ``None`` (only the user's words)."""
    folded = nfkc(text)
    return next((KINDS[k] for k in _ASK_ORDER if KINDS[k].asked_by.search(folded)), None)
