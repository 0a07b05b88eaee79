"""The evidence a draft may use: personas read back from the store, quotes kept verbatim."""

from __future__ import annotations

import pytest
import yaml

from assistant.drafts.evidence import Corpus, EvidenceBook
from assistant.errors import NotFoundError
from tests.conftest import KNOWLEDGE


def test_personas_come_back_with_their_fields(demo) -> None:  # type: ignore[no-untyped-def]
    settings, store = demo
    corpus = Corpus(settings, store)
    files = sorted((KNOWLEDGE / "personas").iterdir())
    assert len(corpus.personas) == len(files)
    keiri = corpus.persona("keiri-bucho")
    source = yaml.safe_load((KNOWLEDGE / "personas" / "keiri-bucho.yaml").read_text("utf-8"))
    assert keiri.name == source["name"]
    assert len(keiri.lines("challenges")) == len(source["challenges"])
    assert len(keiri.lines("objections")) == len(source["objections"])
    for line in keiri.lines("challenges"):
        assert line.text in line.passage.text


def test_persona_lookup_by_part_of_the_name_and_clear_error(demo) -> None:  # type: ignore[no-untyped-def]
    corpus = Corpus(*demo)
    assert corpus.persona("経理部長").slug == "keiri-bucho"
    with pytest.raises(NotFoundError, match="known personas: .*keiri-bucho"):
        corpus.persona("存在しない人")


def test_book_refuses_a_quote_that_is_not_in_its_chunk(demo) -> None:  # type: ignore[no-untyped-def]
    corpus = Corpus(*demo)
    passage = corpus.of_kind("playbook")[0]
    book = EvidenceBook()
    sentence = corpus.statements(passage)[0]
    assert book.cite(passage, sentence) == "S1"
    assert book.cite(passage, sentence) == "S1"  # same quote, same ref
    with pytest.raises(ValueError, match="not verbatim"):
        book.cite(passage, "この文は資料にない")
    assert [c.quote for c in book.citations] == [sentence]
