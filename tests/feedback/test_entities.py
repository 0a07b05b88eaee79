"""The workspace's own names: found in notes and documents, unified across spellings."""

from __future__ import annotations

from assistant.feedback.entities import EntityLexicon, entity_key, skeleton


def test_width_case_and_separators_do_not_make_a_new_name() -> None:
    assert entity_key("ＦＡＢＲＩＮＡ") == entity_key("Fabrina") == "fabrina"
    assert entity_key("ﾌｧﾌﾞﾘﾅ") == entity_key("ファブリナ")
    assert entity_key("スマート・精算 ONE") == entity_key("スマート精算ONE")


def test_a_katakana_name_and_its_latin_spelling_are_one_name() -> None:
    for kana, latin in [
        ("ファブリナ", "FABRINA"),
        ("ステイナビ", "StayNavi"),
        ("ゼニックス", "ZENIX"),
    ]:
        assert skeleton(kana) == skeleton(latin)
    lexicon = EntityLexicon.discover(["ステイナビと比較", "StayNavi導入済み", "ｽﾃｲﾅﾋﾞより安い"])
    assert lexicon.names() == ["ステイナビ"]  # the most frequent spelling (ステイナビ twice)
    assert lexicon.canonical("STAYNAVI") == lexicon.canonical("ｽﾃｲﾅﾋﾞ") == "ステイナビ"


def test_a_name_needs_two_notes_or_a_document() -> None:
    notes = ["ツバメ会計の話", "Triporaの手数料が高い", "Triporaの在庫"]
    lexicon = EntityLexicon.discover(notes, documents=["競合: ホクトシステム は中堅向け"])
    assert lexicon.names() == ["Tripora", "ホクトシステム"]
    assert (
        EntityLexicon.discover(notes, names=["ツバメ会計"]).canonical("ツバメ会計") == "ツバメ会計"
    )


def test_ordinary_words_and_english_sentences_are_not_names() -> None:
    notes = ["セキュリティが心配", "セキュリティ審査", "They asked about price.", "They need SSO."]
    lexicon = EntityLexicon.discover(notes)
    assert lexicon.canonical("セキュリティ") is None and lexicon.canonical("They") is None


def test_find_returns_spans_of_every_spelling() -> None:
    lexicon = EntityLexicon.discover(["FABRINAと比較", "ファブリナに決定"])
    text = "ＦＡＢＲＩＮＡかファブリナか"
    from assistant.text.normalize import nfkc

    assert [shown for _s, _e, shown in lexicon.find(nfkc(text))] == ["FABRINA", "FABRINA"]
