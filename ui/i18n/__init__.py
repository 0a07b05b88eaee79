"""UI text in Japanese and English, one module per page; pages look strings up with ``t(key)``.

Names that are the product's own (draft kinds, review statuses, funnel stages, KPI labels)
come from ``assistant`` so a page never names them differently from the CLI or an export.
"""

from __future__ import annotations

import streamlit as st

from assistant.domain import kind_name
from assistant.drafts import kinds
from assistant.review.models import STATUS_NAMES, named
from ui.i18n import chat, common, dashboard, drafts, feedback, knowledge, review


def _merge(*modules) -> dict[str, dict[str, str]]:  # type: ignore[no-untyped-def]
    merged: dict[str, dict[str, str]] = {}
    for module in modules:
        clash = merged.keys() & module.STRINGS.keys()
        assert not clash, f"string keys defined twice: {sorted(clash)}"
        merged.update(module.STRINGS)
    return merged


STRINGS = _merge(common, knowledge, chat, dashboard, feedback, drafts, review)


def lang() -> str:
    return st.session_state.get("lang", "ja")


def t(key: str, **fmt: object) -> str:
    text = STRINGS[key][lang()]
    return text.format(**fmt) if fmt else text


def kind_label(kind: str) -> str:
    return kind_name(kind, lang())


def draft_kind_label(kind: str) -> str:
    return kinds.KINDS[kind].name(lang()) if kind in kinds.KINDS else kind


def review_status_label(status: str) -> str:
    name = named(STATUS_NAMES, status, lang())
    return name[:1].upper() + name[1:]


def stage_label(stage: str) -> str:
    return kinds.stage_name(stage, lang()) if stage in kinds.STAGES else stage
