"""Japanese tokens, c-TF-IDF labels and the namer seam."""

from __future__ import annotations

from assistant.feedback.labels import (
    NoteTokens,
    OfflineThemeNamer,
    ThemeDraft,
    distinctive_terms,
    tokenize,
)


def test_tokens_are_content_words_in_normalised_and_dictionary_form() -> None:
    tokens = tokenize("見積を見て「思ったより高い」との声。仕訳連携を確認された。[PHONE_1]")
    assert tokens.content == ["見積もり", "思う", "高い", "声", "仕分け", "連携", "確認"]
    assert tokens.label == ["見積", "高い", "仕訳", "連携"]


def test_latin_words_are_kept_as_written() -> None:
    tokens = tokenize("Customer said our SSO price is too high.")
    assert tokens.content == ["SSO", "price", "high"]


def _t(*words: str) -> NoteTokens:
    return NoteTokens(content=list(words), label=list(words))


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


def test_offline_namer_builds_label_and_summary_from_terms_and_quote() -> None:
    draft = ThemeDraft(id="t1", terms=["価格", "見積", "高い", "予算"], quotes=["価格が高い。"])
    (ja,) = OfflineThemeNamer().name_themes([draft], language="ja")
    assert ja.label == "価格・見積・高い"
    assert ja.summary == "「価格」「見積」「高い」に触れたメモ。例:「価格が高い。」"
    (en,) = OfflineThemeNamer().name_themes([draft], language="en")
    assert en.summary == "Notes about 価格, 見積, 高い. e.g. “価格が高い。”"
