from __future__ import annotations

import json

import pytest

from assistant.errors import IngestError
from assistant.ingest import load_file

from .helpers import DATA


def test_persona_yaml_with_japanese_and_english_keys():
    loaded = load_file(DATA / "personas.yaml", source="knowledge/personas.yaml")
    assert (loaded.kind, loaded.title) == ("persona", "personas")
    assert [u.metadata for u in loaded.units] == [
        {"persona": "経理部長 山田"},
        {"persona": "IT Manager Suzuki"},
    ]
    yamada, suzuki = (u.text for u in loaded.units)
    assert yamada == (
        "# ペルソナ: 経理部長 山田\n\n"
        "- 役割: 経理部長\n- 業種: 製造業\n- 企業規模: 従業員300名\n\n"
        "## 目標\n- 月次決算を5営業日に短縮する\n\n"
        "## 課題\n- 請求書の処理が紙で遅い\n- 属人化している\n\n"
        "## 購買プロセス\n情シスと相談し、稟議で部長決裁\n\n"
        "## 意思決定者\n- CFO\n- 情報システム部長\n\n"
        "## よくある反論\n- 既存の会計ソフトと連携できるか\n\n"
        "## 情報源\n- 業界紙\n- ウェビナー"
    )
    assert "- 企業規模: 1000" in suzuki
    assert "## 課題\nセキュリティ審査に時間がかかる" in suzuki
    assert "## よくある反論\n- クラウドへの不安" in suzuki
    assert suzuki.endswith("## budget_cycle\n4月")  # unknown keys are kept, not dropped


def test_persona_json_single_mapping(load):
    data = {"name": "人事部長", "challenges": ["採用難"], "decision_makers": "社長"}
    loaded = load("p.json", json.dumps(data, ensure_ascii=False))
    (unit,) = loaded.units
    assert unit.metadata == {"persona": "人事部長"}
    assert unit.text == "# ペルソナ: 人事部長\n\n## 課題\n- 採用難\n\n## 意思決定者\n社長"


def test_persona_json_list(load):
    loaded = load(
        "p.json", '[{"name": "A"}, {"名前": "B", "課題": {"業務": "手作業", "費用": "高い"}}]'
    )
    assert [u.metadata["persona"] for u in loaded.units] == ["A", "B"]
    assert loaded.units[1].text.endswith("## 課題\n- 業務: 手作業\n- 費用: 高い")


def test_persona_yml_suffix_and_cp932(load):
    loaded = load("p.yml", "name: 髙橋\n課題: 紙の請求書\n", encoding="cp932")
    assert loaded.units[0].metadata == {"persona": "髙橋"}


def test_missing_name_names_the_item(load):
    with pytest.raises(IngestError, match=r"p\.yaml: persona 2 has no name — add 'name:'"):
        load("p.yaml", "- name: A\n- role: 課長\n")


def test_item_that_is_not_a_mapping_is_refused(load):
    with pytest.raises(IngestError, match=r"persona 2 is a str, not a mapping"):
        load("p.yaml", "- name: A\n- just text\n")


def test_duplicate_persona_names_are_refused(load):
    with pytest.raises(IngestError, match=r"persona 'A' appears twice \(items 1 and 2\)"):
        load("p.json", '[{"name": "A"}, {"名前": "A"}]')


def test_two_keys_for_one_field_are_refused(load):
    with pytest.raises(IngestError, match=r"persona 1: two keys mean 'challenges'"):
        load("p.yaml", "name: A\n課題: x\nchallenges: y\n")


def test_json_parse_error_names_line_and_column(load):
    with pytest.raises(
        IngestError, match=r"p\.json: line 3 column 10: Expecting ':' .* fix the JSON"
    ):
        load("p.json", '{\n  "name": "A",\n  "role" "x"\n}\n')


def test_yaml_parse_error_names_the_line(load):
    with pytest.raises(IngestError, match=r"p\.yaml: line 2: mapping values .* fix the YAML"):
        load("p.yaml", "name: A\nrole: a: b\n")


def test_scalar_file_is_refused(load):
    with pytest.raises(IngestError, match=r"must hold a persona"):
        load("p.yaml", "just a sentence\n")


def test_empty_list_is_refused(load):
    with pytest.raises(IngestError, match=r"has no personas"):
        load("p.json", '{"personas": []}')


def test_other_top_level_keys_warn(load):
    loaded = load("p.yaml", "version: 2\npersonas:\n  - name: A\n")
    assert [w.message for w in loaded.warnings] == [
        "top-level key 'version' is not a persona — ignored"
    ]


def test_forced_other_kind_is_refused(load):
    with pytest.raises(IngestError, match=r"a \.json file holds personas; --kind product"):
        load("p.json", '{"name": "A"}', kind="product")


def test_kind_key_is_accepted_only_as_persona(load):
    loaded = load("p.yaml", "kind: persona\nname: A\n課題: x\n")
    assert "kind" not in loaded.units[0].text
    with pytest.raises(IngestError, match=r"persona 1: kind 'product'"):
        load("p.yaml", "kind: product\nname: A\n")
