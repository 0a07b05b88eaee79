"""Brand-voice rules come from the company's guide; sections using a banned phrase are named."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from assistant.drafts import DraftRequest, generate
from assistant.drafts.brand import brand_rules, brand_warnings
from assistant.drafts.evidence import Corpus
from assistant.drafts.models import Section
from tests.conftest import KNOWLEDGE

GUIDE = KNOWLEDGE / "brand" / "brand-voice.md"


def guide_section(title: str) -> str:
    text = unicodedata.normalize("NFKC", GUIDE.read_text("utf-8"))
    return text.split(f"## {title}")[1].split("\n## ")[0]


def test_rules_are_the_guides_banned_and_avoided_phrases(demo) -> None:  # type: ignore[no-untyped-def]
    phrases = {r.phrase for r in brand_rules(Corpus(*demo))}
    banned = set(re.findall(r"「([^「」]+)」", guide_section("禁止表現")))
    rows = [line for line in guide_section("使う言葉・避ける言葉").splitlines() if "|" in line]
    avoid_col = [c.strip() for c in rows[0].strip("|").split("|")].index("避ける")
    avoided = {
        word.strip()
        for row in rows[2:]
        for word in row.strip().strip("|").split("|")[avoid_col].split("、")
    }
    assert "業界No.1" in banned and "完全自動" in avoided
    assert banned | avoided == phrases


def test_banned_phrase_is_reported_with_section_rule_and_source(demo) -> None:  # type: ignore[no-untyped-def]
    corpus = Corpus(*demo)
    boast = "ケイリクラウドは業界No.1の製品です。"
    sections = [
        Section(key="statement", title="ステートメント", body=boast),
        Section(key="benefit", title="ベネフィット", body="経費精算の工数を削減します。"),
    ]
    warnings = brand_warnings(sections, corpus)
    assert [(w.code, w.section, w.detail) for w in warnings] == [
        ("brand_voice", "statement", "業界No.1")
    ]
    assert "根拠のない最上級表現" in warnings[0].message
    assert "knowledge/brand/brand-voice.md" in warnings[0].message
    ja = brand_warnings(sections, corpus, lang="ja")[0].message
    assert "ブランドボイス" in ja and "業界No.1" in ja


def test_avoided_word_suggests_the_preferred_one(demo) -> None:  # type: ignore[no-untyped-def]
    section = Section(key="benefit", title="B", body="申請から仕訳まで完全自動で処理します。")
    (warning,) = brand_warnings([section], Corpus(*demo))
    assert warning.detail == "完全自動"
    assert "例外処理は必ず残るため" in warning.message and "自動化する" in warning.message


def test_clean_text_and_quoted_evidence_raise_nothing(demo) -> None:  # type: ignore[no-untyped-def]
    corpus = Corpus(*demo)
    clean = Section(key="target", title="T", body="経理部の皆さまが差し戻しを減らせます。")
    assert brand_warnings([clean], corpus) == []
    quote = "提案時はお客様の申請件数と人件費で必ず試算し直します。"
    quoted = Section(key="reason", title="R", body=f"製品資料：「{quote}」[S1]")
    assert [w.detail for w in brand_warnings([quoted], corpus)] == ["必ず"]
    assert brand_warnings([quoted], corpus, quotes=[quote]) == []


def test_demo_positioning_draft_keeps_to_the_brand_voice(demo) -> None:  # type: ignore[no-untyped-def]
    settings, store = demo
    draft = generate(
        settings, store, DraftRequest(kind="positioning", persona="経理部長"), client=None
    )
    corpus = Corpus(settings, store)
    quotes = [c.quote for c in draft.citations]
    assert brand_warnings(draft.sections, corpus, quotes=quotes) == []


def test_workspace_without_brand_voice_has_no_rules(axis_home: Path) -> None:
    from assistant.config import load_settings
    from assistant.ingest.pipeline import ingest_paths
    from assistant.workspace import open_store

    settings = load_settings(llm="offline")
    store = open_store(settings)
    assert not ingest_paths(store, [KNOWLEDGE / "personas"]).rejected
    corpus = Corpus(settings, store)
    assert brand_rules(corpus) == []
    section = Section(key="statement", title="S", body="業界No.1で完全自動です。")
    assert brand_warnings([section], corpus) == []
