from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.text.normalize import (
    normalize_cell,
    normalize_text,
    parse_date,
    parse_int,
    parse_period,
    parse_yen,
)

FULL_WIDTH = str.maketrans("0123456789,", "０１２３４５６７８９，")
no_db = settings(database=None, max_examples=200, deadline=None)


# ------------------------------------------------------------------ normalize_text


def test_normalize_text_nfkc_and_full_width_space():
    assert normalize_text("ＭＱＬが１２０件　増加") == "MQLが120件 増加"


def test_normalize_text_half_width_kana_becomes_full_width():
    assert normalize_text("ｶﾞｲﾄﾞ") == "ガイド"


def test_normalize_text_newlines_blank_lines_and_trailing_space():
    text = "一行目  \r\n\r\n\r\n\r\n二行目\r三行目\t \n\n\n"
    assert normalize_text(text) == "一行目\n\n二行目\n三行目"


def test_normalize_text_keeps_one_blank_line_between_paragraphs():
    assert normalize_text("a\n\nb") == "a\n\nb"


def test_normalize_text_collapses_inner_runs_but_keeps_indentation():
    text = "- 親\n    - 子  の   項目\ta"
    assert normalize_text(text) == "- 親\n    - 子 の 項目 a"


def test_normalize_text_drops_zero_width_and_control_characters():
    assert normalize_text("\ufeff価格\u200bが\x07高い") == "価格が高い"


def test_normalize_cell_values():
    assert normalize_cell(None) == ""
    assert normalize_cell(12.0) == "12"
    assert normalize_cell(dt.datetime(2026, 3, 14)) == "2026-03-14"
    assert normalize_cell(dt.datetime(2026, 3, 14, 9, 30)) == "2026-03-14 09:30:00"
    assert normalize_cell(" 山田\n 太郎 ") == "山田 太郎"


# ------------------------------------------------------------------ parse_int


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("1200", 1200),
        ("1,200", 1200),
        ("１，２００", 1200),
        ("１２００", 1200),
        (" 650件 ", 650),
        ("42人", 42),
        (650, 650),
        (650.0, 650),
        ("-3", -3),
        ("△3", -3),
        ("▲1,000", -1000),
        ("+7", 7),
        ("0", 0),
    ],
)
def test_parse_int_accepts(cell, expected):
    assert parse_int(cell) == expected


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("", "empty"),
        ("abc", "not a number"),
        ("12,34", "not a number"),
        ("1,2345", "not a number"),
        ("1.5", "not a whole number"),
        (1.5, "not a whole number"),
        (True, "TRUE/FALSE"),
        (float("nan"), "not a finite number"),
        ("-", "only a sign"),
        ("12円", "not a number"),
    ],
)
def test_parse_int_refuses(cell, reason):
    with pytest.raises(ValueError, match=reason):
        parse_int(cell)


def test_parse_int_scale_from_header_unit():
    assert parse_int("1.5", scale=1000) == 1500


def _commas(n: int) -> str:
    return f"{n:,}"


@no_db
@given(st.integers(min_value=-(10**12), max_value=10**12), st.booleans(), st.booleans())
def test_parse_int_round_trip(n, commas, full_width):
    text = _commas(abs(n)) if commas else str(abs(n))
    if full_width:
        text = text.translate(FULL_WIDTH)
    text = ("△" if n < 0 else "") + text
    assert parse_int(text) == n


# ------------------------------------------------------------------ parse_yen


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("¥1,200", 1200),
        ("￥１，２００", 1200),
        ("1200円", 1200),
        ("\\1,200", 1200),
        ("120万円", 1_200_000),
        ("120万", 1_200_000),
        ("1.5万円", 15_000),
        ("1.5億円", 150_000_000),
        ("2億", 200_000_000),
        ("3千円", 3_000),
        ("5百万円", 5_000_000),
        ("△5,000", -5_000),
        ("▲5,000円", -5_000),
        ("-¥1,000", -1_000),
        ("¥-1,000", -1_000),
        ("￥△1,000", -1_000),
        (5200000, 5_200_000),
        (5200000.0, 5_200_000),
    ],
)
def test_parse_yen_accepts(cell, expected):
    assert parse_yen(cell) == expected


def test_parse_yen_header_scale_applies_only_to_bare_numbers():
    assert parse_yen("520", scale=10_000) == 5_200_000
    assert parse_yen(1.5, scale=10_000) == 15_000
    assert parse_yen("120万円", scale=10_000) == 1_200_000  # the cell's own unit wins


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("1.5", "not a whole number of yen"),
        ("1.23456万円", "not a whole number of yen"),
        ("百円", "not a number"),
        ("12,34円", "not a number"),
        ("$100", "not a number"),
        ("", "empty"),
        ("円", "not a number"),
    ],
)
def test_parse_yen_refuses(cell, reason):
    with pytest.raises(ValueError, match=reason):
        parse_yen(cell)


@no_db
@given(
    st.integers(min_value=0, max_value=10**13),
    st.sampled_from(["{}", "¥{}", "{}円", "￥{}"]),
    st.booleans(),
    st.booleans(),
    st.sampled_from(["-", "△", "▲"]),
)
def test_parse_yen_round_trip(n, template, full_width, negative, minus):
    text = template.format(_commas(n))
    if full_width:
        text = text.translate(FULL_WIDTH)
    expected = -n if negative else n
    assert parse_yen((minus if negative else "") + text) == expected


@no_db
@given(st.integers(min_value=0, max_value=10**8), st.integers(min_value=0, max_value=9999))
def test_parse_yen_man_en_with_decimals(man, rest):
    """``X.YYYY万円`` is exactly X*10,000 + YYYY yen; no float rounding on the way."""
    text = f"{man}.{rest:04d}万円"
    assert parse_yen(text) == man * 10_000 + rest


@no_db
@given(st.integers(min_value=1, max_value=10**6))
def test_parse_yen_oku(n):
    assert parse_yen(f"{n}億円") == n * 100_000_000


# ------------------------------------------------------------------ parse_period


@pytest.mark.parametrize(
    "cell",
    [
        "2026年9月",
        "2026年09月",
        "2026 年 9 月",
        "２０２６年９月",
        "2026-09",
        "2026/9",
        "2026/09/01",
        "2026-09-01",
        "2026.9",
        "2026.09",
        "202609",
        202609,
        "2026年9月1日",
        "R8年9月",
        "令和8年9月",
        "㋿8年9月",
        "Sep 2026",
        "September 2026",
        "2026-09-01 00:00:00",
        dt.date(2026, 9, 1),
        dt.datetime(2026, 9, 30, 12, 0),
    ],
)
def test_parse_period_accepts(cell):
    assert parse_period(cell) == "2026-09"


def test_parse_period_eras():
    assert parse_period("令和元年5月") == "2019-05"
    assert parse_period("平成31年4月") == "2019-04"
    assert parse_period("H30年12月") == "2018-12"


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("2026-13", "month 13"),
        ("2026年0月", "month 0"),
        ("2026/02/30", "not a real date"),
        ("来月", "not a month or date"),
        ("9月", "not a month or date"),
        ("", "empty"),
        (2026.5, "not a month or date"),
        ("1800-01", "out of range"),
    ],
)
def test_parse_period_refuses(cell, reason):
    with pytest.raises(ValueError, match=reason):
        parse_period(cell)


@no_db
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_parse_period_formats_agree(day):
    expected = f"{day.year:04d}-{day.month:02d}"
    for text in (
        f"{day.year}年{day.month}月",
        f"{day.year}/{day.month}",
        f"{day.year}-{day.month:02d}",
        day.isoformat(),
    ):
        assert parse_period(text) == expected


# ------------------------------------------------------------------ parse_date


@pytest.mark.parametrize(
    "cell",
    [
        "2026/03/14",
        "2026-03-14",
        "2026年3月14日",
        "２０２６/３/１４",
        "2026.3.14",
        "20260314",
        "2026/03/14 10:30",
        "2026-03-14T10:30:00Z",
        "R8年3月14日",
        dt.date(2026, 3, 14),
        dt.datetime(2026, 3, 14, 18, 5),
    ],
)
def test_parse_date_accepts(cell):
    assert parse_date(cell) == dt.date(2026, 3, 14)


def test_parse_date_blank_is_none():
    assert parse_date(None) is None
    assert parse_date("  ") is None


@pytest.mark.parametrize(
    ("cell", "reason"),
    [("2026-03", "has no day"), ("2026/02/30", "not a real date"), ("昨日", "not a month")],
)
def test_parse_date_refuses(cell, reason):
    with pytest.raises(ValueError, match=reason):
        parse_date(cell)
