"""Decode a text file's bytes: UTF-8 (with or without BOM), cp932, or UTF-16 with a BOM.

Japanese files arrive as UTF-8 from modern tools and as cp932 (Windows' Shift_JIS) from Excel
and older systems.  We *decide*, never guess: a strict UTF-8 decode either succeeds or fails,
and real cp932 text essentially never is valid UTF-8.  Only when UTF-8 fails do we try strict
cp932, and we then check the result for signs that it was really something else (EUC-JP, or
bytes Windows leaves undefined).  Anything still ambiguous is refused with a message that
says how to re-save the file, because a silently wrong decode would put mojibake into the
knowledge base and into citations.
"""

from __future__ import annotations

import codecs

from assistant.errors import IngestError

_SNIFF_BYTES = 8192
_RESAVE = "save it as UTF-8 or Shift_JIS (cp932)"

# (signature, offset, description).  ZIP is handled by the caller for .xlsx.
_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "PNG image"),
    (b"\xff\xd8\xff", 0, "JPEG image"),
    (b"GIF87a", 0, "GIF image"),
    (b"GIF89a", 0, "GIF image"),
    (b"%PDF-", 0, "PDF document"),
    (b"PK\x03\x04", 0, "ZIP archive (an Excel .xlsx or Word .docx file?)"),
    (b"PK\x05\x06", 0, "ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "old Office file (.xls/.doc)"),
    (b"\x1f\x8b", 0, "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "7-Zip archive"),
    (b"Rar!\x1a\x07", 0, "RAR archive"),
    (b"\x7fELF", 0, "executable"),
    (b"SQLite format 3\x00", 0, "SQLite database"),
    (b"ftyp", 4, "video file"),
    (b"RIFF", 0, "RIFF media file (WAV/AVI/WebP)"),
)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_ISO2022_ESCAPES = (b"\x1b$B", b"\x1b$@", b"\x1b(J", b"\x1b(B")
# Bytes Python's cp932 codec maps but Windows leaves undefined: never in a real cp932 file.
_CP932_UNDEFINED = frozenset("\x80\uf8f0\uf8f1\uf8f2\uf8f3")


def binary_kind(data: bytes) -> str | None:
    """Describe ``data`` if it is a known binary format, else ``None``."""
    for signature, offset, description in _SIGNATURES:
        if data[offset : offset + len(signature)] == signature:
            return description
    return None


def _refuse_binary(data: bytes, source: str) -> None:
    kind = binary_kind(data)
    if kind is None and b"\x00" in data[:_SNIFF_BYTES]:
        kind = "contains NUL bytes"
    if kind is not None:
        raise IngestError(
            f"looks like a binary file ({kind}), not text — export it as CSV, TXT or Markdown "
            "(or give an Excel workbook the .xlsx suffix)",
            path=source,
        )


def _is_halfwidth_kana(ch: str) -> bool:
    return "\uff61" <= ch <= "\uff9f"


def _is_hiragana(ch: str) -> bool:
    return "\u3041" <= ch <= "\u309f"


def _reads_as_euc_jp(data: bytes) -> bool:
    """Whether ``data`` is valid EUC-JP that reads as ordinary Japanese (plenty of hiragana,
    which random bytes or Shift_JIS half-width katakana do not produce)."""
    try:
        euc = data.decode("euc_jp")
    except UnicodeDecodeError:
        return False
    wide = [ch for ch in euc if ord(ch) > 0x7F]
    return bool(wide) and sum(map(_is_hiragana, wide)) / len(wide) >= 0.2


def _looks_like_euc_jp(data: bytes, cp932_text: str) -> bool:
    """EUC-JP bytes read as cp932 come out as half-width katakana; read as EUC-JP they give
    ordinary Japanese.  Both conditions together are unambiguous."""
    wide = [ch for ch in cp932_text if ord(ch) > 0x7F]
    if not wide or sum(map(_is_halfwidth_kana, wide)) / len(wide) < 0.5:
        return False
    return _reads_as_euc_jp(data)


def _decode_cp932(data: bytes, source: str) -> str | None:
    try:
        text = data.decode("cp932")
    except UnicodeDecodeError:
        return None
    if _CP932_UNDEFINED.intersection(text):
        return None
    if _looks_like_euc_jp(data, text):
        raise IngestError(f"looks like EUC-JP text — {_RESAVE}", path=source)
    return text


def _refuse_controls(text: str, source: str) -> None:
    """Text full of control characters is a binary file that happened to decode."""
    sample = text[:_SNIFF_BYTES]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r\f\v")
    if sample and controls / len(sample) > 0.05:
        raise IngestError(
            "looks like a binary file (many control characters), not text — "
            "export it as CSV, TXT or Markdown",
            path=source,
        )


def decode_bytes(data: bytes, *, source: str) -> tuple[str, str]:
    """Return ``(text, encoding)`` for a text file, or raise ``IngestError``.

    ``encoding`` is one of ``utf-8``, ``utf-8-sig``, ``cp932``, ``utf-16``; the BOM is never
    part of ``text``.
    """
    if data.startswith(_UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise IngestError(
                f"starts like UTF-16 text but cannot be decoded as UTF-16 — {_RESAVE}",
                path=source,
            ) from exc
        if "\x00" in text:
            raise IngestError("looks like a binary file, not text", path=source)
        return text, "utf-16"
    _refuse_binary(data, source)
    if any(escape in data[:_SNIFF_BYTES] for escape in _ISO2022_ESCAPES):
        raise IngestError(f"looks like ISO-2022-JP (JIS) text — {_RESAVE}", path=source)
    if data.startswith(codecs.BOM_UTF8):
        try:
            text = data[len(codecs.BOM_UTF8) :].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise IngestError(
                f"starts with a UTF-8 BOM but is not valid UTF-8 (byte {exc.start + 3}) — "
                + _RESAVE,
                path=source,
            ) from None
        _refuse_controls(text, source)
        return text, "utf-8-sig"
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        cp932 = _decode_cp932(data, source)
        if cp932 is None and _reads_as_euc_jp(data):
            raise IngestError(f"looks like EUC-JP text — {_RESAVE}", path=source) from None
        if cp932 is None:
            raise IngestError(
                f"cannot decode the file as UTF-8 or as Shift_JIS (cp932) — {_RESAVE}",
                path=source,
            ) from None
        text, encoding = cp932, "cp932"
    _refuse_controls(text, source)
    return text, encoding
