"""Text and cell normalisation for Japanese-first input.

Real files mix full-width and half-width characters (``１２０万円``, ``ＭＱＬ``), Windows and
Mac newlines, Japanese accounting minus signs (``△1,200``) and era years (``令和8年``).  Every
loader goes through these functions so that the same cell means the same thing whichever
file, encoding or tool it came from.

The ``parse_*`` functions raise ``ValueError`` with a short reason; callers know the file, row
and column and wrap it into an ``IngestError``.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation

_ZERO_WIDTH = dict.fromkeys(map(ord, "\ufeff\u200b"), None)
# C0 controls other than tab and newline say nothing to a reader; they come from odd exports.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_INNER_SPACE_RE = re.compile(r"(?<=\S)[ \t]+")
_BLANK_LINES_RE = re.compile(r"\n{3,}")


def nfkc(value: str) -> str:
    """NFKC-normalise: full-width ASCII to half-width, half-width kana to full-width."""
    return unicodedata.normalize("NFKC", value)


def fold(value: str) -> str:
    """NFKC and lower case: the form two texts are compared in (ＭＱＬ = mql, ｽﾏﾎ = スマホ)."""
    return unicodedata.normalize("NFKC", value).lower()


def unify_newlines(text: str) -> str:
    """Turn Windows (``\\r\\n``) and old Mac (``\\r``) newlines into ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def normalize_text(text: str) -> str:
    """Normalise free text so equal content gives equal text (and equal chunk hashes).

    Leading indentation is kept because Markdown gives it meaning (nested lists, code);
    runs of spaces *inside* a line collapse to one, which also turns the full-width space
    (``\\u3000``, via NFKC) into a plain one.
    """
    text = unify_newlines(nfkc(text)).translate(_ZERO_WIDTH)
    text = _CONTROL_RE.sub("", text)
    lines = [_INNER_SPACE_RE.sub(" ", line.rstrip()) for line in text.split("\n")]
    return _BLANK_LINES_RE.sub("\n\n", "\n".join(lines)).strip()


def normalize_cell(value: object) -> str:
    """A short cell value (name, stage, account) as one clean line of text."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ") if value.time() != dt.time() else value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return " ".join(normalize_text(str(value)).split())


# ---------------------------------------------------------------- numbers

_NEGATIVE_SIGNS = ("-", "−", "△", "▲", "▵")
_MULTIPLIERS: tuple[tuple[str, int], ...] = (
    ("百万", 1_000_000),
    ("億", 100_000_000),
    ("万", 10_000),
    ("千", 1_000),
)
_COUNT_SUFFIXES = ("件", "人", "名", "社", "個")
_NUMBER_RE = re.compile(r"^(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$")


def _to_decimal(value: object) -> Decimal:
    """Turn a cell that already is a number into a ``Decimal`` without float noise."""
    if isinstance(value, bool):
        raise ValueError("is TRUE/FALSE, not a number")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError("is not a finite number")
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        return value
    raise TypeError  # a string: parsed by the caller


def _split_sign(text: str) -> tuple[int, str]:
    for sign in _NEGATIVE_SIGNS:
        if text.startswith(sign):
            return -1, text[len(sign) :].strip()
    if text.startswith("+"):
        return 1, text[1:].strip()
    return 1, text


def _digits(text: str) -> Decimal:
    """Parse ``1,234`` / ``1234.5``; thousands separators must sit every three digits."""
    if not _NUMBER_RE.match(text):
        raise ValueError("is not a number (write it like 1200 or 1,200)")
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - the regex already guards this
        raise ValueError("is not a number") from exc


def _whole(amount: Decimal, what: str) -> int:
    if amount != amount.to_integral_value():
        raise ValueError(f"is not a whole number of {what}")
    return int(amount)


def _prepare(value: object) -> tuple[int, str]:
    text = nfkc(str(value)).strip().replace(" ", "")
    if not text:
        raise ValueError("is empty")
    sign, rest = _split_sign(text)
    if not rest:
        raise ValueError("is only a sign, not a number")
    return sign, rest


def parse_int(value: object, *, scale: int = 1) -> int:
    """Parse a count cell (``1,200``, ``１２００``, ``650件``, ``650.0`` from Excel).

    ``scale`` comes from a header unit such as ``(千件)``.
    """
    try:
        return _whole(_to_decimal(value) * scale, "items")
    except TypeError:
        pass
    sign, text = _prepare(value)
    for suffix in _COUNT_SUFFIXES:
        if text.endswith(suffix):
            text = text[: -len(suffix)]
            break
    return sign * _whole(_digits(text) * scale, "items")


def parse_yen(value: object, *, scale: int = 1) -> int:
    """Parse an amount of money into integer yen.

    Accepts ``¥1,200``, ``1200円``, ``120万円``, ``1.5億``, ``3千円``, ``△5,000`` (accounting
    minus).  ``scale`` comes from the column header (``広告費(万円)`` gives 10,000) and only
    applies when the cell has no unit of its own, so ``120万円`` under a 万円 header is not
    scaled twice.  A fraction of a yen is refused rather than rounded.
    """
    try:
        return _whole(_to_decimal(value) * scale, "yen")
    except TypeError:
        pass
    sign, text = _prepare(value)
    text = text.removeprefix("¥").removeprefix("\\").removesuffix("円")
    if sign == 1:  # "¥-1,000" / "￥△1,000": the sign after the currency mark
        sign, text = _split_sign(text)
    multiplier = 0
    for word, factor in _MULTIPLIERS:
        if text.endswith(word):
            text, multiplier = text[: -len(word)], factor
            break
    amount = _digits(text) * (multiplier or scale)
    return sign * _whole(amount, "yen")


# ---------------------------------------------------------------- periods and dates

_ERAS = {"令和": 2018, "r": 2018, "平成": 1988, "h": 1988}
_ERA_RE = re.compile(r"^(令和|平成|r|h)(\d{1,2}|元)[年./-]")
_MONTH_NAMES = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_YMD_RE = re.compile(
    r"^(\d{4})(?:年(\d{1,2})月(?:(\d{1,2})日)?|[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)$"
)
# A time of day after a date ("2026/03/14 10:30", ISO "2026-03-14T10:30:00Z") is dropped.
_TIME_RE = re.compile(r"(?:t|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?$")
_COMPACT_RE = re.compile(r"^(\d{4})(\d{2})(\d{2})?$")
_NAMED_MONTH_RE = re.compile(r"^(?:([a-z]+)\.?,?(\d{4})|(\d{4})([a-z]+)\.?)$")


def _clean(value: object) -> str:
    """Lower-case, drop a trailing time of day, then drop spaces (``2026 年 9 月``)."""
    text = nfkc(str(value)).strip().casefold()
    return "".join(_TIME_RE.sub("", text).split())


def _era_to_western(text: str) -> str:
    """``令和8年9月`` → ``2026年9月`` (令和元年 = 2019, 平成元年 = 1989)."""
    match = _ERA_RE.match(text)
    if not match:
        return text
    era, year = match.group(1), match.group(2)
    western = _ERAS[era] + (1 if year == "元" else int(year))
    return f"{western}{text[match.end(2) :]}"


def _split_text(text: str) -> tuple[int, int, str | None]:
    """Match a cleaned period/date string against the accepted shapes."""
    if match := _YMD_RE.match(text):
        return (
            int(match.group(1)),
            int(match.group(2) or match.group(4)),
            match.group(3) or match.group(5),
        )
    if match := _COMPACT_RE.match(text):
        return int(match.group(1)), int(match.group(2)), match.group(3)
    match = _NAMED_MONTH_RE.match(text)
    if match and (name := match.group(1) or match.group(4)) in _MONTH_NAMES:
        return int(match.group(2) or match.group(3)), _MONTH_NAMES[name], None
    raise ValueError("is not a month or date (write it like 2026-09 or 2026年9月)")


def _ymd(value: object) -> tuple[int, int, int | None]:
    """Split a period or date cell into (year, month, day or None), validated."""
    if isinstance(value, dt.datetime | dt.date):
        return value.year, value.month, value.day
    if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
        raise ValueError("is not a month or date")
    if isinstance(value, float):
        value = int(value)
    text = _era_to_western(_clean(value))
    if not text:
        raise ValueError("is empty")
    year, month, day_text = _split_text(text)
    if not 1900 <= year <= 2200:
        raise ValueError(f"has year {year}, which is out of range")
    if not 1 <= month <= 12:
        raise ValueError(f"has month {month}, which is not 1-12")
    day = int(day_text) if day_text else None
    if day is not None:
        try:
            dt.date(year, month, day)
        except ValueError as exc:
            raise ValueError(f"is not a real date ({exc})") from exc
    return year, month, day


def parse_period(value: object) -> str:
    """Parse a month cell into ``YYYY-MM``.

    Accepts ``2026年9月``, ``2026-09``, ``2026/9``, ``2026.9``, ``2026/09/01``, ``202609``,
    ``Sep 2026``, ``令和8年9月`` / ``R8年9月``, and Excel dates.
    """
    year, month, _day = _ymd(value)
    return f"{year:04d}-{month:02d}"


def parse_date(value: object) -> dt.date | None:
    """Parse a date cell (``2026/03/14``, ``2026年3月14日``, Excel dates); blank → ``None``."""
    if value is None or isinstance(value, str) and not value.strip():
        return None
    year, month, day = _ymd(value)
    if day is None:
        raise ValueError("has no day (write it like 2026-03-14 or 2026年3月14日)")
    return dt.date(year, month, day)
