from __future__ import annotations

import codecs

import pytest

from assistant.errors import IngestError
from assistant.ingest.encoding import decode_bytes

TEXT = "日付,メモ\n2026/03/14,価格が高いと言われた。ｶﾀｶﾅ・①も\n"
SRC = "knowledge/feedback/x.csv"


def test_utf8():
    assert decode_bytes(TEXT.encode("utf-8"), source=SRC) == (TEXT, "utf-8")


def test_utf8_with_bom_strips_the_bom():
    text, encoding = decode_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8"), source=SRC)
    assert (text, encoding) == (TEXT, "utf-8-sig")
    assert not text.startswith("\ufeff")


def test_cp932():
    assert decode_bytes(TEXT.encode("cp932"), source=SRC) == (TEXT, "cp932")


def test_cp932_with_ibm_extensions_and_nec_specials():
    text = "髙橋さん・﨑（はしごだか・たつさき）と①②③ ㈱ ～"
    assert decode_bytes(text.encode("cp932"), source=SRC) == (text, "cp932")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec):
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(codec, b"")
    text, encoding = decode_bytes(bom + TEXT.encode(codec), source=SRC)
    assert (text, encoding) == (TEXT, "utf-16")


def test_undecodable_bytes_are_refused_with_advice():
    data = "メモ\n".encode() + b"\x81\x20\xff\xfe broken"
    with pytest.raises(IngestError, match=r"x\.csv: cannot decode .* UTF-8 or Shift_JIS \(cp932\)"):
        decode_bytes(data, source=SRC)


def test_cp932_undefined_single_bytes_are_not_accepted():
    # 0xA0 and 0xFD-0xFF decode under Python's cp932 but are not characters in Windows.
    with pytest.raises(IngestError, match="cannot decode"):
        decode_bytes(b"memo\xa0\xfd", source=SRC)


@pytest.mark.parametrize(
    "text",
    [
        "価格が高いので導入は来期に検討したいとのこと。",  # not valid cp932 either
        "予算がないので来年にしたいです",  # valid cp932 bytes: would be silent mojibake
    ],
)
def test_euc_jp_is_recognised_not_misread_as_cp932(text):
    with pytest.raises(IngestError, match=r"x\.csv: looks like EUC-JP .* save it as UTF-8"):
        decode_bytes(text.encode("euc_jp"), source=SRC)


def test_half_width_kana_cp932_is_still_cp932():
    text = "ｶﾌﾞｼｷｶﾞｲｼｬ ﾔﾏﾀﾞ ｻﾝ ﾆ ﾃﾞﾝﾜ"
    assert decode_bytes(text.encode("cp932"), source=SRC) == (text, "cp932")


def test_iso_2022_jp_is_recognised():
    with pytest.raises(IngestError, match="ISO-2022-JP"):
        decode_bytes("価格が高い".encode("iso2022_jp"), source=SRC)


def test_bom_then_invalid_utf8_is_refused():
    with pytest.raises(IngestError, match="UTF-8 BOM but is not valid UTF-8"):
        decode_bytes(codecs.BOM_UTF8 + "価格".encode("cp932"), source=SRC)


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
        (b"PK\x03\x04\x14\x00\x00\x00", "ZIP archive"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 8, r"old Office file \(.xls"),
        (b"GIF89a\x01\x00", "GIF image"),
        (b"\xff\xd8\xff\xe0", "JPEG image"),
        (b"memo,date\n\x00\x01\x02\x03", "contains NUL bytes"),
    ],
)
def test_binary_is_refused(data, what):
    with pytest.raises(IngestError, match=rf"x\.csv: looks like a binary file \({what}"):
        decode_bytes(data, source=SRC)


def test_many_control_characters_mean_binary():
    data = bytes(range(1, 32)) * 20
    with pytest.raises(IngestError, match="looks like a binary file"):
        decode_bytes(data, source=SRC)


def test_a_few_control_characters_are_text():
    text, _ = decode_bytes("メモ\x0b本文\n".encode() * 3, source=SRC)
    assert "本文" in text
