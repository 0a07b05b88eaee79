"""Which column is which: header names → Axis fields, as data.

Exports from spreadsheets, MA tools (HubSpot) and SFA tools (Salesforce) name the same thing
many ways: ``メモ``, ``商談メモ``, ``Notes``; ``広告費(円)``, ``Spend (JPY)``, ``売上（万円）``.
Feedback columns are found by their names (plain dicts, one line to add one); KPI columns by
the header grammar in ``headers`` (base metric × role × unit, in any order).  When a unit says
万円/千円/百万円 the column's numbers are scaled.

A user mapping (``--map COL=FIELD``) always wins over the synonyms.  Two columns that both
look like one field is an error, not a guess: the fix is one ``--map``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.errors import IngestError
from assistant.ingest.headers import (
    BASES,
    MONEY,
    meaning,
    other_currency,
    unit_scale_of,
)
from assistant.text.normalize import nfkc

FEEDBACK_FIELDS: dict[str, tuple[str, ...]] = {
    "note": (
        "メモ", "内容", "コメント", "商談メモ", "営業メモ", "商談内容", "所感", "フィードバック",
        "顧客の声", "お客様の声",
        "note", "notes", "comment", "comments", "feedback", "memo", "body", "text",
    ),
    "date": (
        "日付", "商談日", "記入日", "日時", "実施日", "訪問日", "活動日",
        "date", "meeting date", "activity date",
    ),
    "rep": (
        "担当者", "営業担当", "営業担当者", "担当営業", "担当", "記入者",
        "rep", "owner", "sales rep", "author",
    ),
    "account": (
        "企業名", "会社名", "顧客名", "取引先", "取引先名", "顧客",
        "account", "account name", "company", "company name", "customer", "customer name",
    ),
    "industry": ("業種", "業界", "industry"),
    "stage": (
        "商談フェーズ", "フェーズ", "ステージ", "商談ステージ",
        "stage", "deal stage", "opportunity stage", "phase",
    ),
}  # fmt: skip

KPI_VALUES: tuple[str, ...] = tuple(BASES)
KPI_FIELDS: tuple[str, ...] = (
    "month",
    "segment",
    *KPI_VALUES,
    *(f"target_{name}" for name in KPI_VALUES),
)
MONEY_FIELDS: frozenset[str] = frozenset({*MONEY, *(f"target_{name}" for name in MONEY)})
ALL_FIELDS: tuple[str, ...] = (*FEEDBACK_FIELDS, *KPI_FIELDS)

_UNIT_RE = re.compile(r"^(?P<name>.+?)\s*[(\[【](?P<unit>[^()\[\]【】]*)[)\]】]\s*$")
_TARGET_WORDS = ("目標", "計画", "予算", "target", "goal", "plan", "budget")


def _squash(text: str) -> str:
    return "".join(nfkc(text).casefold().replace("_", " ").split())


def header_key(name: str) -> tuple[str, str]:
    """Split a header into (comparison key, unit): ``'売上（万円）'`` → ``('売上', '万円')``.

    A qualifier that marks a target (``リード数(目標)``) moves into the key, so the column is
    read as a target and never as actuals.
    """
    text = nfkc(name).strip()
    unit = ""
    if match := _UNIT_RE.match(text):
        text, unit = match.group("name"), _squash(match.group("unit"))
    key = _squash(text)
    if any(word in unit for word in _TARGET_WORDS):
        key = "目標" + key
    return key, unit


_SYNONYMS: dict[str, str] = {
    _squash(synonym): name for name, synonyms in FEEDBACK_FIELDS.items() for synonym in synonyms
}


def field_for(header: str) -> str | None:
    """The Axis field a header stands for: a feedback column by its names, a KPI column by
    the header grammar (``assistant.ingest.headers``), else ``None``."""
    if found := _SYNONYMS.get(header_key(header)[0]):
        return found
    return meaning(header).field


def unit_scale(header: str, *, money: bool, source: str) -> int:
    """How much one unit in this column is worth: ``(万円)`` → 10,000, ``(円)`` → 1.

    A money column in another currency is refused: Axis keeps money as integer yen and
    converting silently would put wrong numbers in every report.
    """
    unit = meaning(header).unit or header_key(header)[1]
    if money and other_currency(unit):
        raise IngestError(
            f"is in {unit}, not yen — convert the column to 円 or remove it",
            path=source,
            column=header,
        )
    return unit_scale_of(unit)


@dataclass
class Columns:
    """Header positions resolved to fields for one table.

    ``candidates`` keeps every column that matches a field so that ambiguity is reported
    only when the field is actually used.
    """

    header: list[str]
    candidates: dict[str, list[int]] = field(default_factory=dict)
    mapped: set[str] = field(default_factory=set)  # the --map columns this table used

    def has(self, name: str) -> bool:
        return bool(self.candidates.get(name))

    def index(self, name: str, *, source: str) -> int | None:
        """The column for ``name``; two candidates is an error that names both."""
        found = self.candidates.get(name, [])
        if len(found) > 1:
            names = " and ".join(f"'{self.header[i]}'" for i in found)
            raise IngestError(
                f"columns {names} both look like the {name} column — "
                f"pass --map COL={name} for the one to use",
                path=source,
            )
        return found[0] if found else None


def _match_header(header: list[str], column: str) -> int | None:
    if column in header:
        return header.index(column)
    wanted = _squash(column)
    for i, name in enumerate(header):
        if _squash(name) == wanted:
            return i
    return None


@dataclass(frozen=True)
class ColumnMap:
    """One ``--map``: ``COL=FIELD`` for every file, or ``FILE:COL=FIELD`` for one file."""

    column: str
    field: str
    file: str | None = None

    def applies_to(self, source: str) -> bool:
        if self.file is None:
            return True
        wanted = _squash(self.file)
        name = source.split("#", 1)[0]
        if _squash(source) == wanted:
            return True
        return _squash(name) == wanted or _squash(name.rsplit("/", 1)[-1]) == wanted

    @property
    def option(self) -> str:
        return f"{self.file + ':' if self.file else ''}{self.column}={self.field}"


def parse_column_map(text: str) -> ColumnMap:
    """``COL=FIELD`` or ``FILE:COL=FIELD`` (a ValueError says what is wrong)."""
    target, sep, field_name = text.rpartition("=")
    if not sep or not target.strip() or not field_name.strip():
        raise ValueError(f"{text!r} is not COL=FIELD or FILE:COL=FIELD (e.g. --map 'Memo=note')")
    file, colon, column = target.partition(":")
    if colon and column.strip() and "." in file:
        return ColumnMap(column.strip(), field_name.strip(), file.strip())
    return ColumnMap(target.strip(), field_name.strip())


def mapping_for(maps: list[ColumnMap] | None, source: str) -> tuple[dict[str, str], set[str]]:
    """The ``COL → FIELD`` mapping for one file, and the columns it must have (the ones its
    own ``FILE:COL=FIELD`` entries name; a plain ``COL=FIELD`` a file lacks is not for it)."""
    mapping: dict[str, str] = {}
    required: set[str] = set()
    for entry in sorted(maps or [], key=lambda m: m.file is not None):
        if entry.applies_to(source):
            mapping[entry.column] = entry.field
            if entry.file is not None:
                required.add(entry.column)
    return mapping, required


def resolve_columns(
    header: list[str],
    mapping: dict[str, str] | None,
    *,
    source: str,
    required: set[str] | None = None,
) -> Columns:
    """Match every header cell to a field; user ``mapping`` (COL → FIELD) wins.

    A mapped column the header lacks is an error when it is ``required`` (every mapped
    column, when ``required`` is None); otherwise that mapping is simply not for this table.
    """
    columns = Columns(header=header)
    mapped: dict[int, str] = {}
    for column, name in (mapping or {}).items():
        target = name.strip().lower()
        if target not in ALL_FIELDS:
            raise IngestError(
                f"--map {column}={name}: unknown field '{name}' — valid fields: "
                + ", ".join(ALL_FIELDS),
                path=source,
            )
        index = _match_header(header, column)
        if index is None and required is not None and column not in required:
            continue
        if index is None:
            raise IngestError(
                f"--map {column}={name}: there is no column '{column}' — headers found: "
                + ", ".join(f"'{h}'" for h in header),
                path=source,
            )
        if target in mapped.values():
            raise IngestError(
                f"--map gives two columns for the field '{target}' — map only one", path=source
            )
        mapped[index] = target
        columns.mapped.add(column)
    for index, target in mapped.items():
        columns.candidates[target] = [index]
    for index, name in enumerate(header):
        target = field_for(name)
        if index in mapped or target is None or target in mapped.values():
            continue
        columns.candidates.setdefault(target, []).append(index)
    return columns


def fields_in(header: list[str], mapping: dict[str, str] | None) -> set[str]:
    """Fields a candidate header row provides (used to find the header under title rows)."""
    found = {name for column in header if (name := field_for(column))}
    for column, name in (mapping or {}).items():
        if _match_header(header, column) is not None:
            found.add(name.strip().lower())
    return found
