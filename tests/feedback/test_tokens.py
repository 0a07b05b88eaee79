"""Content words and key phrases from SudachiPy, with the workspace's names kept whole."""

from __future__ import annotations

from assistant.feedback.entities import EntityLexicon
from assistant.feedback.tokens import tokenize


def test_content_words_are_normalised_and_placeholders_dropped() -> None:
    tokens = tokenize("見積を見て「思ったより高い」との声。仕訳連携を確認された。[PHONE_1]")
    assert tokens.content == ["見積もり", "思う", "高い", "声", "仕分け", "連携", "確認"]


def test_latin_words_are_kept_as_written() -> None:
    assert tokenize("Customer said our SSO price is too high.").content == ["SSO", "price", "high"]


def test_key_phrases_are_noun_runs_and_their_ends_without_numbers() -> None:
    tokens = tokenize("セキュリティ審査に6週間かかり、情報システム部門の承認待ち。")
    assert "セキュリティ審査" in tokens.label and "情報システム部門" in tokens.label
    assert "情報システム" in tokens.label and "システム部門" in tokens.label  # leading / trailing
    assert not any(ch.isdigit() for phrase in tokens.label for ch in phrase)
    assert "週間" not in tokens.label  # a counter noun does not start a phrase


def test_meeting_words_are_trimmed_from_phrases() -> None:
    assert tokenize("次回資料を送付。").label == ["送付"]


def test_names_are_one_word_in_every_spelling_and_never_split() -> None:
    notes = ["競合のFABRINAと比較された", "ﾌｧﾌﾞﾘﾅの営業が来ている", "ＦＡＢＲＩＮＡに決まった"]
    lexicon = EntityLexicon.discover(notes, names=["クラウドレシート+"])
    for note in notes:
        tokens = tokenize(note, lexicon)
        assert "FABRINA" in tokens.content and "FABRINA" in tokens.label
    tokens = tokenize("クラウドレシート+導入済み", lexicon)
    assert "クラウドレシート+" in tokens.label  # a compound name stays whole in phrases…
    assert {"クラウド", "レシート"} <= set(tokens.content)  # …and its words still compare
    assert not any(p in ("ファ", "ブリナ", "レシート+") for p in tokens.label)
