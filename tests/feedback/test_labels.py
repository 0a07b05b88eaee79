"""c-TF-IDF over key phrases, and the offline namer."""

from __future__ import annotations

from assistant.feedback.labels import OfflineThemeNamer, ThemeDraft, distinctive_terms
from assistant.feedback.tokens import NoteTokens


def _t(*phrases: str) -> NoteTokens:
    return NoteTokens(content=list(phrases), label=list(phrases))


def test_c_tf_idf_prefers_terms_frequent_in_the_theme_and_rare_elsewhere() -> None:
    classes = {
        "a": [
            _t("価格", "高い", "見積"),
            _t("価格", "高い"),
            _t("価格", "予算"),
            _t("価格", "見積"),
        ],
        "b": [_t("連携", "会計", "高い"), _t("連携", "会計"), _t("連携", "API")],
    }
    # a: 価格 4/4·log(1+3.5/4), 見積 2/4·log(1+3.5/2), 高い 2/4·log(1+3.5/3); 予算 appears once.
    # b: 連携 3/3·log(1+3.5/3), 会計 2/3·log(1+3.5/2); 高い and API appear once in b.
    assert distinctive_terms(classes) == {"a": ["価格", "見積", "高い"], "b": ["連携", "会計"]}


def test_the_whole_phrase_wins_over_its_parts() -> None:
    classes = {
        "a": [
            _t("セキュリティ", "審査", "セキュリティ審査"),
            _t("セキュリティ", "審査", "セキュリティ審査"),
            _t("セキュリティ", "チェックシート"),
            _t("審査", "期間"),
        ],
        "b": [_t("価格"), _t("価格"), _t("期間")],
    }
    terms = distinctive_terms(classes)["a"]
    assert terms[0] == "セキュリティ審査"
    assert "審査" not in terms and "セキュリティ" not in terms  # parts are not repeated


def test_offline_namer_builds_a_short_label_and_a_summary_with_a_quote() -> None:
    draft = ThemeDraft(
        id="t1",
        terms=["セキュリティ審査", "クラウド可否", "親会社情報システム部門"],
        quotes=["審査が厳しい。"],
    )
    (ja,) = OfflineThemeNamer().name_themes([draft], language="ja")
    assert ja.label == "セキュリティ審査・クラウド可否"  # a third phrase would pass 24 characters
    assert ja.summary == "「セキュリティ審査」「クラウド可否」に触れたメモ。例:「審査が厳しい。」"
    (en,) = OfflineThemeNamer().name_themes([draft], language="en")
    assert en.summary == "Notes about セキュリティ審査, クラウド可否. e.g. “審査が厳しい。”"
