from __future__ import annotations

from assistant.text.tokens import bigram_tokens, sudachi_tokens


def test_bigrams_cover_japanese_runs_and_keep_latin_words_whole() -> None:
    assert bigram_tokens("経費精算とSSO対応") == ["sso", "経費", "費精", "精算", "算と", "対応"]


def test_full_width_and_case_are_normalised() -> None:
    assert bigram_tokens("ＩＳＭＳ認証") == bigram_tokens("isms認証")
    assert "isms" in bigram_tokens("ＩＳＭＳ認証")


def test_punctuation_splits_runs() -> None:
    assert bigram_tokens("価格。高い") == ["価格", "高い"]


def test_single_kanji_is_kept_as_a_unigram() -> None:
    assert bigram_tokens("円") == ["円"]


def test_sudachi_drops_particles_and_normalises() -> None:
    tokens = sudachi_tokens("価格が高いと言われた")
    assert "が" not in tokens and "と" not in tokens
    assert "価格" in tokens


def test_unibigrams_add_single_characters_to_the_bigrams() -> None:
    from assistant.text.tokens import unibigram_tokens

    assert unibigram_tokens("価格 表A") == ["価", "格", "表", "a", "価格", "格表", "表a"]
    assert {"64", "4年"} <= set(unibigram_tokens("1964年"))
