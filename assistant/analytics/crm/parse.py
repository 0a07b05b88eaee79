"""Vectorised cell parsing for CRM exports: dates to months, amounts to yen, flags to bools.

Each parser works on a whole Arrow string column at once and returns, besides the values,
the positions it could not read with the reason — the caller turns those into skipped rows
with their row numbers.  The common shapes are parsed with numpy over the column's raw bytes
(``2026-03-14``, ``2026/03/14 10:22``, ISO ``2026-03-14T10:22:33Z``); anything else goes
cell by cell through the ingest package's parsers (``2026年3月14日``, ``令和8年3月14日``,
``１２０万円``), so both paths accept exactly what the rest of Axis accepts.  A timestamp
with a time zone (Marketo and HubSpot give UTC) counts in the month it falls in in Japan.
Only the month matters for the funnel, but the day is still checked (2026-02-30 is refused);
the time of day is not.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from assistant.text.normalize import nfkc, parse_date, parse_yen

BLANK = -1
_DIGIT_POSITIONS = (0, 1, 2, 3, 5, 6, 8, 9)
_SEPARATORS = (ord("-"), ord("/"), ord("."))
_DAYS = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], dtype=np.int64)
_MAX_YEN_DIGITS = 15

Problems = dict[int, str]
"""position in the column -> why the cell could not be read"""


def _bytes_view(column: pa.Array) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(UTF-8 bytes, start offset per cell, length per cell) of one chunk, without copying."""
    if column.type != pa.string():
        column = column.cast(pa.string())
    n = len(column)
    buffers = column.buffers()
    offsets = np.frombuffer(buffers[1], dtype=np.int32)[column.offset : column.offset + n + 1]
    if buffers[2] is None:
        data = np.zeros(0, dtype=np.uint8)
    else:
        data = np.frombuffer(buffers[2], dtype=np.uint8)
    return data, offsets[:-1], np.diff(offsets)


def chunks(column: pa.Array | pa.ChunkedArray) -> list[pa.Array]:
    return list(column.chunks) if isinstance(column, pa.ChunkedArray) else [column]


def lengths(column: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """Bytes per cell (0 = blank), straight from the offsets."""
    parts = [_bytes_view(chunk)[2] for chunk in chunks(column)]
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int32)


def _fast_months(data: np.ndarray, starts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Codes for cells shaped like ``YYYY-MM-DD[ T]...`` (``BLANK`` where not)."""
    width = 11
    index = starts[:, None].astype(np.int64) + np.arange(width)
    np.minimum(index, max(len(data) - 1, 0), out=index)
    b = data[index].astype(np.int16) if len(data) else np.zeros((len(starts), width), np.int16)
    d = b - 48
    shaped = (sizes >= 10) & ((d[:, _DIGIT_POSITIONS] >= 0) & (d[:, _DIGIT_POSITIONS] <= 9)).all(1)
    shaped &= np.isin(b[:, 4], _SEPARATORS) & (b[:, 4] == b[:, 7])
    shaped &= (sizes == 10) | (((b[:, 10] == ord(" ")) | (b[:, 10] == ord("T"))) & (sizes >= 13))
    year = d[:, 0].astype(np.int64) * 1000 + d[:, 1] * 100 + d[:, 2] * 10 + d[:, 3]
    month = d[:, 5].astype(np.int64) * 10 + d[:, 6]
    day = d[:, 8].astype(np.int64) * 10 + d[:, 9]
    leap = ((year % 4 == 0) & (year % 100 != 0)) | (year % 400 == 0)
    days = _DAYS[np.clip(month - 1, 0, 11)] + ((month == 2) & leap)
    ok = shaped & (month >= 1) & (month <= 12) & (day >= 1) & (day <= days)
    ok &= (year >= 1900) & (year <= 2200)
    return np.where(ok, year * 12 + month - 1, BLANK)


_JST = dt.timezone(dt.timedelta(hours=9))


def _zoned_near_month_edge(
    data: np.ndarray, starts: np.ndarray, sizes: np.ndarray, cells: np.ndarray
) -> np.ndarray:
    """Cells with a time zone (``…Z``, ``…+00:00``) on the first or last days of a month:
    the only ones whose month can change in Japan time."""
    if not len(cells) or not len(data):
        return cells[:0]
    last = data[np.minimum(starts[cells] + sizes[cells] - 1, len(data) - 1)]
    sign = data[np.clip(starts[cells] + sizes[cells] - 6, 0, len(data) - 1)]
    colon = data[np.clip(starts[cells] + sizes[cells] - 3, 0, len(data) - 1)]
    zoned = (last == ord("Z")) | (np.isin(sign, (ord("+"), ord("-"))) & (colon == ord(":")))
    zoned &= sizes[cells] >= 16
    day = (data[np.minimum(starts[cells] + 8, len(data) - 1)].astype(np.int64) - 48) * 10 + (
        data[np.minimum(starts[cells] + 9, len(data) - 1)].astype(np.int64) - 48
    )
    return cells[zoned & ((day >= 28) | (day <= 1))]


def _tokyo_month(text: str) -> int:
    """The month of a zoned timestamp in Japan time (Axis counts months as a Japanese
    company does: 2026-01-31T16:00Z is February)."""
    moment = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00")).astimezone(_JST)
    return moment.year * 12 + moment.month - 1


def month_codes(column: pa.Array | pa.ChunkedArray) -> tuple[np.ndarray, Problems]:
    """Month of each date cell as ``year * 12 + month - 1`` (``BLANK`` for a blank cell)."""
    parts: list[np.ndarray] = []
    problems: Problems = {}
    offset = 0
    for chunk in chunks(column):
        data, starts, sizes = _bytes_view(chunk)
        codes = np.full(len(starts), BLANK, dtype=np.int64)
        filled = np.flatnonzero(sizes > 0)
        codes[filled] = _fast_months(data, starts[filled], sizes[filled])
        for i in _zoned_near_month_edge(data, starts, sizes, filled[codes[filled] != BLANK]):
            codes[i] = _tokyo_month(chunk[int(i)].as_py())
        for i in filled[codes[filled] == BLANK]:
            text = chunk[int(i)].as_py()
            try:
                parsed = parse_date(text)
            except ValueError as exc:
                problems[offset + int(i)] = f"'{text}' {exc}"
                continue
            if parsed is not None:
                codes[i] = parsed.year * 12 + parsed.month - 1
        parts.append(codes)
        offset += len(codes)
    return (np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)), problems


def yen_amounts(
    column: pa.Array, positions: np.ndarray, *, scale: int
) -> tuple[np.ndarray, Problems]:
    """Integer yen for the cells at ``positions`` (blank = 0 with no problem reported)."""
    amounts = np.zeros(len(positions), dtype=np.int64)
    problems: Problems = {}
    if len(positions) == 0:
        return amounts, problems
    cells = column.take(pa.array(positions, type=pa.int64()))
    plain = pc.fill_null(pc.utf8_is_digit(cells), False).to_numpy(zero_copy_only=False)
    short = pc.utf8_length(cells).to_numpy(zero_copy_only=False) <= _MAX_YEN_DIGITS
    simple = plain & short
    if simple.any():
        values = pc.cast(cells.filter(pa.array(simple)), pa.int64()).to_numpy()
        amounts[simple] = values * scale
    for k in np.flatnonzero(~simple):
        text = cells[int(k)].as_py() or ""
        cleaned = nfkc(text).strip()
        if not cleaned:
            continue
        for code in ("JPY", "jpy", "円"):
            if cleaned.upper().startswith(code.upper()):
                cleaned = cleaned[len(code) :].strip()
        try:
            amounts[k] = parse_yen(cleaned, scale=scale)
        except ValueError as exc:
            problems[int(positions[k])] = f"'{text}' {exc}"
    return amounts, problems


def normalized(column: pa.Array) -> pa.Array:
    """NFKC, trimmed, lower-cased text (for flags, stages, currencies)."""
    return pc.utf8_lower(pc.utf8_trim_whitespace(pc.utf8_normalize(column, form="NFKC")))


def word_flags(
    column: pa.Array, *, true: frozenset[str], false: frozenset[str]
) -> tuple[np.ndarray, Problems]:
    """Each cell as True/False; a value in neither set is a problem (and False)."""
    values = normalized(column)
    yes = pc.is_in(values, value_set=pa.array(sorted(true))).to_numpy(zero_copy_only=False)
    no = pc.is_in(values, value_set=pa.array(sorted(false))).to_numpy(zero_copy_only=False)
    problems = {
        int(i): f"'{column[int(i)].as_py()}' is not yes/no (TRUE/FALSE, 1/0, はい/いいえ)"
        for i in np.flatnonzero(~(yes | no))
    }
    return yes, problems


def in_set(column: pa.Array, words: frozenset[str]) -> np.ndarray:
    return pc.is_in(normalized(column), value_set=pa.array(sorted(words))).to_numpy(
        zero_copy_only=False
    )


def nonblank(column: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """Cells with any text (a cell of spaces counts: its parser reports it)."""
    return lengths(column) > 0
