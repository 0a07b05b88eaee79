from __future__ import annotations

import json

import pytest

from assistant.domain import MARKDOWN_KINDS
from assistant.errors import IngestError
from assistant.ingest.markdown import first_heading, meta_value

DOC = """---
kind: competitor
title: 競合A社の分析
updated: 2026-03-14
tags: [価格, 導入支援]
priority: 2
score: 0.5
public: true
owner:
---
# 見出しは本文に残る

競合A社は　価格が  安い。


## 弱み
- サポートが薄い
"""


def test_front_matter_and_body(load):
    loaded = load("competitors/a.md", DOC)
    assert loaded.kind == "competitor"
    assert loaded.title == "競合A社の分析"
    assert loaded.metadata == {
        "updated": "2026-03-14",
        "tags": "価格, 導入支援",
        "priority": 2,
        "score": 0.5,
        "public": True,
    }
    (unit,) = loaded.units
    assert (
        unit.text == "# 見出しは本文に残る\n\n競合A社は 価格が 安い。\n\n## 弱み\n- サポートが薄い"
    )


def test_no_front_matter_the_kind_is_inferred_and_the_title_is_its_heading(load):
    loaded = load("x.md", "前書き\n\n# 製品の概要\n料金は月額8万円です。\n")
    assert (loaded.kind, loaded.title, loaded.metadata) == ("product", "製品の概要", {})
    assert "title:製品" in loaded.kind_basis
    plain = load("y.md", "# 雑感\n今日は晴れ。\n")
    assert (plain.kind, plain.title) == ("note", "雑感")


def test_title_falls_back_to_the_file_stem(load):
    assert load("dir/brand-voice.markdown", "本文だけ\n").title == "brand-voice"


def test_heading_inside_a_code_block_is_not_the_title():
    assert first_heading("```\n# comment\n```\n# 本当の見出し ##\n") == "本当の見出し"


def test_kind_argument_overrides_front_matter(load):
    assert load("a.md", DOC, kind="playbook").kind == "playbook"


@pytest.mark.parametrize("kind", MARKDOWN_KINDS)
def test_every_markdown_kind_is_accepted(load, kind):
    assert load("a.md", f"---\nkind: {kind}\n---\n本文\n").kind == kind


def test_unknown_kind_lists_valid_kinds(load):
    with pytest.raises(
        IngestError,
        match=r"a\.md: front-matter 'kind' 'blog' is not a Markdown kind — use one of "
        r"company, product, persona",
    ):
        load("a.md", "---\nkind: blog\n---\n本文\n")


def test_forced_non_markdown_kind_is_refused(load):
    with pytest.raises(IngestError, match=r"--kind 'kpi' is not a Markdown kind"):
        load("a.md", "本文\n", kind="kpi")


def test_malformed_front_matter_names_the_line(load):
    text = "---\nkind: product\ntitle: [unclosed\nowner: 山田\n---\n本文\n"
    with pytest.raises(IngestError, match=r"a\.md: front matter line \d+: .* fix the front matter"):
        load("a.md", text)


def test_malformed_front_matter_line_number_is_the_file_line(load):
    text = "---\nkind: product\nowner: a: b\n---\n本文\n"
    with pytest.raises(IngestError, match=r"front matter line 3: mapping values are not allowed"):
        load("a.md", text)


def test_unclosed_front_matter_is_refused(load):
    with pytest.raises(IngestError, match=r"never closed — add a line '---'"):
        load("a.md", "---\nkind: note\n本文\n")


def test_front_matter_that_is_not_a_mapping_is_refused(load):
    with pytest.raises(IngestError, match=r"front matter is a list, not 'key: value' lines"):
        load("a.md", "---\n- a\n- b\n---\n本文\n")


def test_empty_body_is_refused(load):
    with pytest.raises(IngestError, match=r"a\.md: has no text after the front matter"):
        load("a.md", "---\nkind: product\n---\n\n  \n")


def test_reserved_front_matter_key_is_refused(load):
    with pytest.raises(IngestError, match=r"front-matter key 'source' is reserved"):
        load("a.md", "---\nsource: web\n---\n本文\n")


def test_empty_front_matter_is_fine(load):
    loaded = load("a.md", "---\n---\n本文\n")
    assert (loaded.kind, loaded.units[0].text) == ("note", "本文")


def test_nested_values_become_json_strings(load):
    loaded = load("a.md", "---\nowner: {name: 山田, team: MK}\nsteps: [{a: 1}]\n---\n本文\n")
    assert json.loads(loaded.metadata["owner"]) == {"name": "山田", "team": "MK"}
    assert json.loads(loaded.metadata["steps"]) == [{"a": 1}]


def test_meta_values_are_chroma_types():
    import datetime as dt

    assert meta_value(None) is None
    assert meta_value(dt.datetime(2026, 3, 14, 9, 0)) == "2026-03-14T09:00:00"
    assert meta_value(["ａ", 1, None, True]) == "a, 1, True"
    assert meta_value("　全角　") == "全角"


def test_bom_and_crlf_front_matter(load):
    text = "\ufeff---\r\nkind: product\r\n---\r\n本文\r\n"
    loaded = load("a.md", text)
    assert (loaded.kind, loaded.units[0].text) == ("product", "本文")


def test_cp932_markdown(load):
    loaded = load("a.md", "---\nkind: company\n---\n# 会社概要\n髙橋商事\n", encoding="cp932")
    assert (loaded.kind, loaded.title) == ("company", "会社概要")


def test_map_is_ignored_for_markdown(load):
    """`axis ingest FOLDER --map ...` passes the mapping for every file in the folder."""
    assert load("a.md", "本文", mapping={"所見": "note"}).units[0].text == "本文"
