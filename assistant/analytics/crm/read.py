"""Reading a CRM export into one string column per role, fast, with exact row numbers.

Exports run to millions of rows, so a CSV is read by Arrow's multi-threaded CSV reader, only
the mapped columns, every cell as text (typed parsing happens later, vectorised, with row
numbers for whatever fails).  Row numbers follow the rest of Axis: data row 1 is the first
row under the header, blank rows keep their number.

The fast path assumes a well-formed file.  Anything it cannot vouch for — a row wider or
narrower than the header in the middle of the file, a decoding surprise — sends the file to
the exact path, the ingest package's table reader, which is slower but numbers every row and
rejects a malformed file whole with the row it failed on.  Report footers ("Confidential
Information - Do Not Distribute", "Copyright (c) salesforce.com", a totals line) are
recognised at the end of the file and listed as skipped rows, so they are never counted.
Excel workbooks always take the exact path.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.csv as pv

from assistant.analytics.crm.mappings import MAPPINGS, ReportMapping
from assistant.errors import IngestError
from assistant.ingest.columns import header_key, unit_scale
from assistant.ingest.encoding import decode_bytes
from assistant.ingest.tabular import (
    HEADER_SEARCH_ROWS,
    Table,
    is_blank,
    read_table,
    sniff_delimiter,
)
from assistant.text.normalize import normalize_cell

_HEAD_BYTES = 1 << 16
_TAIL_BYTES = 1 << 13
_BLOCK_SIZE = 1 << 24
_ALWAYS = ("record_id", "won_flag", "stage", "currency")


@dataclass
class RawExport:
    """The mapped columns of an export, aligned: ``rows[i]`` is the data row of entry i."""

    mapping: ReportMapping
    header: list[str]
    used: dict[str, str]  # role -> header name found
    columns: dict[str, pa.Array]
    rows: np.ndarray
    amount_scale: int = 1
    not_records: list[tuple[int, str]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows)


class _Fallback(Exception):
    """The fast path cannot vouch for this file; read it with the exact reader."""


Overrides = dict[str, str]
"""column name -> role, as the user gave them (``--map 'COLUMN=ROLE'``)"""


def _roles(
    header: list[str], mapping: ReportMapping, overrides: Overrides | None = None
) -> dict[str, int]:
    keys = [header_key(name)[0] for name in header]
    found: dict[str, int] = {}
    for column, role in (overrides or {}).items():
        key = header_key(column)[0]
        if key in keys and role in mapping.columns:
            found[role] = keys.index(key)
    taken = set(found.values())
    for role, names in mapping.columns.items():
        if role in found:
            continue
        for name in names:
            key = header_key(name)[0]
            if key in keys and keys.index(key) not in taken:
                found[role] = keys.index(key)
                break
        else:
            for pattern in mapping.patterns.get(role, ()):
                hit = next(
                    (i for i, h in enumerate(header) if i not in taken and pattern.search(h)), None
                )
                if hit is not None:
                    found[role] = hit
                    break
        if role in found:
            taken.add(found[role])
    return found


_WEAK = frozenset({"record_id", "created"})


def _recognised(mapping: ReportMapping, roles: dict[str, int], *, strong: bool = False) -> bool:
    """The header has one of the report's column sets (``strong``: one that names more than
    an ID and a creation date, which any list of records has)."""
    return any(
        all(r in roles for r in needed) and (not strong or set(needed) - _WEAK)
        for needed in mapping.recognise
    )


def detect_any(header: list[str]) -> tuple[ReportMapping, dict[str, int]] | None:
    """The export a header belongs to, among the tools Axis recognises on its own (those
    whose headers are the customer's own, like kintone, are never guessed): the report that
    finds the most of its columns."""
    best: tuple[int, ReportMapping, dict[str, int]] | None = None
    for mappings in MAPPINGS.values():
        for mapping in mappings:
            if mapping.confirm:
                continue
            roles = _roles(header, mapping)
            if _recognised(mapping, roles, strong=True) and (best is None or len(roles) > best[0]):
                best = (len(roles), mapping, roles)
    return (best[1], best[2]) if best else None


def detect(
    header: list[str], system: str, *, source: str, overrides: Overrides | None = None
) -> tuple[ReportMapping, dict[str, int]]:
    """The report of ``system`` whose required roles this header has (``auto``: any tool)."""
    if system == "auto":
        found = detect_any(header)
        if found is not None:
            return found
        raise IngestError(
            "is not an export Axis recognises — name the tool (axis kpi import "
            + "|".join(MAPPINGS)
            + f" FILE); headers found: {', '.join(repr(h) for h in header[:12])}",
            path=source,
        )
    for mapping in MAPPINGS[system]:
        roles = _roles(header, mapping, overrides)
        if _recognised(mapping, roles):
            return mapping, roles
    expected = "; ".join(
        f"{m.title}: "
        + " or ".join(
            " + ".join(f"'{m.columns[r][0]}'/'{m.columns[r][-1]}'" for r in needed)
            for needed in m.recognise[:2]
        )
        for m in MAPPINGS[system]
    )
    needs = sorted({r for m in MAPPINGS[system] for needed in m.recognise[:1] for r in needed})
    example = " ".join(f"--map 'COLUMN={role}'" for role in needs)
    raise IngestError(
        f"does not look like a {system} export — expected columns like {expected}; headers "
        f"found: {', '.join(repr(h) for h in header[:12])}. If its columns have other names, "
        f"say which is which: {example}",
        path=source,
    )


def _score(system: str, overrides: Overrides | None = None) -> Callable[[list[str]], int]:
    systems = [s for s in MAPPINGS if system in ("auto", s)]

    def score(header: list[str]) -> int:
        best = 0
        for mapping in (m for s in systems for m in MAPPINGS[s]):
            roles = _roles(header, mapping, overrides)
            auto = system == "auto"
            if _recognised(mapping, roles, strong=auto) and not (auto and mapping.confirm):
                return 2
            if len(roles) >= 2:
                best = 1
        return best

    return score


def _needed(mapping: ReportMapping, roles: dict[str, int], *, channel: bool) -> dict[str, int]:
    """The roles aggregation uses (reading fewer columns is most of the speed)."""
    wanted = {*mapping.events.values(), *_ALWAYS}
    if mapping.revenue:
        wanted.add(mapping.revenue)
    if channel and mapping.channel:
        wanted.add(mapping.channel)
    if "won_flag" in roles:
        wanted.discard("stage")  # the flag decides; the stage is only the fallback
    return {role: i for role, i in roles.items() if role in wanted}


def read_export(
    data: bytes,
    *,
    suffix: str,
    system: str,
    source: str,
    channel: bool = False,
    overrides: Overrides | None = None,
) -> RawExport:
    """Read an export's bytes (CSV/TSV/XLSX) for ``system`` (a tool, or ``auto``);
    ``channel`` also reads the channel column (for a per-channel funnel)."""
    args = {"suffix": suffix, "system": system, "source": source, "channel": channel}
    if suffix != ".xlsx":
        try:
            return _read_fast(data, overrides=overrides, **args)  # type: ignore[arg-type]
        except _Fallback:
            pass
    return _read_exact(data, overrides=overrides, **args)  # type: ignore[arg-type]


# -- exact path -------------------------------------------------------------------------


def _read_exact(
    data: bytes,
    *,
    suffix: str,
    system: str,
    source: str,
    channel: bool,
    overrides: Overrides | None = None,
    table: Table | None = None,
) -> RawExport:
    if table is None:
        table = read_table(
            data, suffix=suffix, source=source, header_score=_score(system, overrides)
        )
    mapping, roles = detect(table.header, system, source=source, overrides=overrides)
    roles = _needed(mapping, roles, channel=channel)
    columns = {
        role: pa.array([_text(row.cells[i]) for row in table.rows], type=pa.string())
        for role, i in roles.items()
    }
    not_records = [(w.row, "blank row") for w in table.warnings if w.row is not None]
    return _raw(
        mapping,
        table.header,
        roles,
        columns,
        np.array([r.number for r in table.rows]),
        not_records,
        source,
    )


def _text(value: object) -> str:
    return "" if is_blank(value) else normalize_cell(value)


def _raw(
    mapping: ReportMapping,
    header: list[str],
    roles: dict[str, int],
    columns: dict[str, pa.Array],
    rows: np.ndarray,
    not_records: list[tuple[int, str]],
    source: str,
) -> RawExport:
    amount = roles.get("amount")
    scale = unit_scale(header[amount], money=True, source=source) if amount is not None else 1
    return RawExport(
        mapping=mapping,
        header=header,
        used={role: header[i] for role, i in roles.items()},
        columns=columns,
        rows=np.asarray(rows, dtype=np.int64),
        amount_scale=scale,
        not_records=not_records,
    )


# -- fast path --------------------------------------------------------------------------


def _encoding(data: bytes, source: str) -> tuple[str, str, int]:
    """(codec for Arrow, decoded head text, bytes of BOM) from the first 64 KiB."""
    head = data[:_HEAD_BYTES]
    if len(data) > _HEAD_BYTES:
        cut = head.rfind(b"\n")
        if cut <= 0:
            raise _Fallback
        head = head[: cut + 1]
    text, encoding = decode_bytes(head, source=source)
    if encoding == "utf-16":
        raise _Fallback
    bom = 3 if encoding == "utf-8-sig" else 0
    return ("utf8" if encoding.startswith("utf-8") else encoding), text, bom


def _header(
    text: str, delimiter: str, system: str, overrides: Overrides | None
) -> tuple[list[str], int, int]:
    """The header cells, how many records precede it (titles, blank lines), its width."""
    records = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    score = _score(system, overrides)
    nonblank = [i for i, r in enumerate(records) if any(c.strip() for c in r)][:HEADER_SEARCH_ROWS]
    if not nonblank:
        raise _Fallback
    scored = [(score([normalize_cell(c) for c in records[i]]), i) for i in nonblank]
    best = next((i for s, i in scored if s == 2), None)
    if best is None:
        raise _Fallback  # let the exact reader produce the precise error
    header = [normalize_cell(c) for c in records[best]]
    width = len(header)
    while header and not header[-1]:
        header.pop()
    return header, best, width


def _footer(data: bytes, codec: str, delimiter: str, width: int) -> tuple[int, list[str]]:
    """Where trailing non-record lines start, and those lines (blank ones as "")."""
    tail = data[-_TAIL_BYTES:]
    if len(data) > _TAIL_BYTES:
        tail = tail[tail.find(b"\n") + 1 :]
    lines = tail.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    footer: list[str] = []
    cut = len(data) - (1 if data.endswith(b"\n") else 0)
    for raw in reversed(lines):
        text = raw.decode(codec if codec != "utf8" else "utf-8", errors="replace").strip("\r")
        cells = next(csv.reader([text], delimiter=delimiter), [])
        filled = [c for c in cells if c.strip()]
        if len(cells) >= width or len(filled) > 1:
            break
        footer.append(filled[0].strip() if filled else "")
        cut -= len(raw) + 1
    footer.reverse()
    return max(cut + 1, 0), footer


def _read_fast(
    data: bytes,
    *,
    suffix: str,
    system: str,
    source: str,
    channel: bool,
    overrides: Overrides | None = None,
) -> RawExport:
    codec, head, bom = _encoding(data, source)
    delimiter = "\t" if suffix == ".tsv" else sniff_delimiter(head)
    header, skip, width = _header(head, delimiter, system, overrides)
    mapping, roles = detect(header, system, source=source, overrides=overrides)
    roles = _needed(mapping, roles, channel=channel)
    cut, footer = _footer(data, codec, delimiter, width)
    names = [f"c{i}" for i in range(width)]
    wanted = {role: names[i] for role, i in roles.items()}
    invalid: list[object] = []

    def on_invalid(row: object) -> str:
        invalid.append(row)
        return "skip"

    try:
        table = pv.read_csv(
            pa.BufferReader(pa.py_buffer(data).slice(bom, max(cut - bom, 0))),
            read_options=pv.ReadOptions(
                skip_rows=skip + 1, column_names=names, encoding=codec, block_size=_BLOCK_SIZE
            ),
            parse_options=pv.ParseOptions(
                delimiter=delimiter,
                newlines_in_values=True,
                ignore_empty_lines=False,
                invalid_row_handler=on_invalid,
            ),
            convert_options=pv.ConvertOptions(
                include_columns=sorted(set(wanted.values())),
                column_types={name: pa.string() for name in wanted.values()},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, UnicodeDecodeError) as exc:
        raise _Fallback from exc
    if invalid:
        raise _Fallback
    n = table.num_rows
    columns = {role: table[name] for role, name in wanted.items()}
    not_records = [
        (n + i, f"not a record (report footer: '{text[:60]}')" if text else "blank row")
        for i, text in enumerate(footer, start=1)
    ]
    return _raw(mapping, header, roles, columns, np.arange(1, n + 1), not_records, source)
