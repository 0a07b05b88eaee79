"""PII redaction: every type, Japanese and international forms, reversible placeholders."""

from __future__ import annotations

import pytest

from assistant.feedback.pii import Redactor, find_pii, known_names_from, restore


def _found(text: str, **kwargs: object) -> list[tuple[str, str]]:
    return [(s.type, s.text) for s in find_pii(text, **kwargs)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "phone",
    [
        "03-0000-1234",
        "090-0000-5678",
        "0120-000-123",
        "045-000-1234",
        "03(0000)1234",
        "(03)0000-1234",
        "09000001234",
        "０９０－００００－１２３４",  # full-width digits and hyphens
        "０３ー００００ー１２３４",  # katakana long vowel used as a hyphen
        "+81-90-0000-1234",
        "+81 3 0000 1234",
        "+1-202-555-0143",
        "+44 20 7946 0123",
    ],
)
def test_phone_numbers(phone: str) -> None:
    assert _found(f"連絡先は{phone}まで。") == [("phone", phone)]


@pytest.mark.parametrize(
    "text",
    [
        "2026-03-14に訪問。",
        "年額1,500,000円の見積。",
        "注文番号 12345678。",
        "従業員420名、拠点12か所。",
        "2026/10/01 の商談。",
    ],
)
def test_dates_amounts_and_counts_are_not_phones(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    "email",
    ["taro.yamada@example.co.jp", "h.suzuki+demo@example.jp", "ｉｎｆｏ＠ｅｘａｍｐｌｅ．ｃｏｍ"],
)
def test_email_addresses(email: str) -> None:
    assert _found(f"資料は{email}宛てに送付。") == [("email", email)]


@pytest.mark.parametrize(
    "address",
    [
        "〒100-0000",
        "〒100-0000 東京都千代田区架空町1-2-3",
        "大阪府大阪市北区梅見町2丁目3番4号",
        "愛知県名古屋市中区栄見町3-4-5 サンプルビル6F",
        "福岡市博多区例示町4丁目5番地",
    ],
)
def test_postal_addresses(address: str) -> None:
    assert _found(f"訪問先は{address}です。") == [("address", address)]


def test_a_prefecture_alone_is_not_an_address() -> None:
    assert _found("東京都の企業で、大阪府にも拠点がある。") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("窓口は山田様。", "山田"),
        ("田中さんから連絡。", "田中"),
        ("鈴木一郎氏が同席。", "鈴木一郎"),
        ("佐藤部長が決裁者。", "佐藤"),
        ("経理の高橋課長に説明。", "高橋"),
        ("渡辺 健太様へ送付。", "渡辺 健太"),
        ("窓口はMr. Smith。", "Smith"),
        ("2026/10/01 森田 拓海 訪問。", "森田 拓海"),
    ],
)
def test_recognisable_names(text: str, name: str) -> None:
    assert ("name", name) in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "お客様の声。",
        "担当者様に送付。",
        "経理さんと情シスさんが同席。",
        "API連携の仕様を聞かれた。",
        "同様の要望が多い。",
        "経理部長が前向き。",
        "皆様によろしく。",
    ],
)
def test_role_words_are_not_names(text: str) -> None:
    assert [t for t, _ in _found(text) if t == "name"] == []


def test_names_from_rep_and_contact_columns() -> None:
    known = known_names_from(["森田 拓海", "小林", None])
    assert {"森田 拓海", "森田拓海", "森田", "小林"} <= known
    assert _found("森田が同行し、小林が資料を準備。", known_names=known) == [
        ("name", "森田"),
        ("name", "小林"),
    ]


def test_placeholders_are_stable_per_run_and_reversible() -> None:
    redactor = Redactor()
    first = redactor.redact("山田様の携帯は090-0000-1111、メールはa@example.com。", note_id="n1")
    second = redactor.redact("山田様から再連絡（090-0000-1111）。", note_id="n2")
    assert first == "[NAME_1]様の携帯は[PHONE_1]、メールは[EMAIL_1]。"
    assert second == "[NAME_1]様から再連絡（[PHONE_1]）。"
    assert redactor.counts() == {"phone": 2, "email": 1, "address": 0, "name": 2}
    assert (
        restore(first, redactor.redactions)
        == "山田様の携帯は090-0000-1111、メールはa@example.com。"
    )
