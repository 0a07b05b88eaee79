"""How each CRM export maps onto the funnel: one table per report type, as data.

A mapping names the *roles* Axis needs (creation date, stage dates, amount, won flag, ...),
the header names each role goes by in English and Japanese exports (first match wins, so
order a role's names by preference), and which role dates which funnel stage.  Adding an
export type, or a header name a customer's tool uses, is a data change here — ``crm.py``
has no branch per source.

Counting is by event month (ARCHITECTURE.md): a record counts toward a stage in the month of
that stage's date; a blank date counts nowhere.  ``won_gate`` means a record counts as won
only when its won flag is true (or, without that column, its stage is a won stage) — a
Salesforce close date on an open or lost opportunity is not a win.  Revenue is the record's
amount, counted in its won month.

Header names are compared the way KPI headers are (NFKC, case and spaces ignored, a
trailing unit in parentheses split off and applied: ``金額(千円)`` is in thousands of yen).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

System = Literal["hubspot", "salesforce"]
SYSTEMS: tuple[str, ...] = ("hubspot", "salesforce")


@dataclass(frozen=True)
class ReportMapping:
    name: str
    system: str
    title: str
    columns: MappingProxyType[str, tuple[str, ...]]
    events: MappingProxyType[str, str]
    """funnel stage -> the date role that dates it"""
    recognise: tuple[tuple[str, ...], ...]
    """the file is this report when it has every role of one of these sets"""
    won_gate: bool = False
    revenue: str | None = None
    channel: str | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)


def _columns(**roles: tuple[str, ...]) -> MappingProxyType[str, tuple[str, ...]]:
    return MappingProxyType(roles)


HUBSPOT_CONTACTS = ReportMapping(
    name="hubspot-contacts",
    system="hubspot",
    title="HubSpot contacts export",
    columns=_columns(
        record_id=("Record ID", "Contact ID", "レコードID", "コンタクトID"),
        created=(
            "Create Date",
            "Created Date",
            "Create date (contact)",
            "作成日",
            "作成日時",
            "コンタクト作成日",
            "コンタクトの作成日",
        ),
        lifecycle=("Lifecycle Stage", "ライフサイクルステージ"),
        mql_date=(
            "Became a Marketing Qualified Lead Date",
            "Became an MQL Date",
            "Date became MQL",
            "マーケティングクオリファイドリードになった日",
            "マーケティングクオリファイドリードになった日付",
            "MQLになった日",
            "MQLになった日付",
            "ライフサイクルステージ「MQL」になった日",
        ),
        sql_date=(
            "Became a Sales Qualified Lead Date",
            "Became an SQL Date",
            "Date became SQL",
            "セールスクオリファイドリードになった日",
            "セールスクオリファイドリードになった日付",
            "SQLになった日",
            "SQLになった日付",
            "ライフサイクルステージ「SQL」になった日",
        ),
        won_date=(
            "Became a Customer Date",
            "Date became customer",
            "顧客になった日",
            "顧客になった日付",
            "ライフサイクルステージ「顧客」になった日",
        ),
        amount=(
            "Total Revenue",
            "Recent Deal Amount",
            "合計売上",
            "合計収益",
            "総収益",
            "直近の取引金額",
            "最新の取引金額",
        ),
        channel=(
            "Original Source",
            "Original Source Type",
            "Latest Source",
            "元のソース",
            "オリジナルソース",
            "最初のソース",
            "流入元",
        ),
    ),  # fmt: skip
    events=MappingProxyType(
        {"leads": "created", "mql": "mql_date", "sql": "sql_date", "won": "won_date"}
    ),
    recognise=(
        ("created", "lifecycle"),
        ("created", "mql_date"),
        ("created", "sql_date"),
        ("created", "won_date"),
        ("created", "record_id"),
    ),
    revenue="amount",
    channel="channel",
)

SALESFORCE_OPPORTUNITIES = ReportMapping(
    name="salesforce-opportunities",
    system="salesforce",
    title="Salesforce opportunities report",
    columns=_columns(
        record_id=("Opportunity ID", "Opportunity Id", "商談 ID", "商談ID"),
        created=("Created Date", "Opportunity Created Date", "作成日", "作成日時", "商談作成日"),
        won_date=("Close Date", "完了予定日", "クローズ日", "完了日"),
        stage=("Stage", "Opportunity Stage", "フェーズ", "商談フェーズ"),
        won_flag=("Won", "Is Won", "成立"),
        amount=("Amount", "Amount (converted)", "金額", "商談金額"),
        currency=("Opportunity Currency", "Amount Currency", "Currency", "商談 通貨", "通貨"),
        channel=("Lead Source", "Primary Campaign Source", "リードソース", "主キャンペーンソース"),
    ),  # fmt: skip
    # An opportunity is a sales-accepted deal: it becomes an SQL when it is created.
    events=MappingProxyType({"sql": "created", "won": "won_date"}),
    recognise=(("won_date", "stage"), ("won_date", "won_flag")),
    won_gate=True,
    revenue="amount",
    channel="channel",
)

SALESFORCE_LEADS = ReportMapping(
    name="salesforce-leads",
    system="salesforce",
    title="Salesforce leads report",
    columns=_columns(
        record_id=("Lead ID", "Lead Id", "リード ID", "リードID"),
        created=("Created Date", "Lead Created Date", "作成日", "作成日時", "リード作成日"),
        mql_date=("MQL Date", "Date became MQL", "MQL日", "MQL日付", "MQL化日"),
        # A converted lead became an opportunity: that is its SQL date.
        sql_date=("Converted Date", "SQL Date", "取引開始日", "SQL日", "SQL化日"),
        status=("Lead Status", "Status", "リード状況", "状況"),
        channel=("Lead Source", "リードソース"),
    ),  # fmt: skip
    events=MappingProxyType({"leads": "created", "mql": "mql_date", "sql": "sql_date"}),
    recognise=(("created", "sql_date"), ("created", "status"), ("created", "record_id")),
    channel="channel",
)

MAPPINGS: dict[str, tuple[ReportMapping, ...]] = {
    # Tried in order: the first report whose ``recognise`` roles the header has is used.
    "hubspot": (HUBSPOT_CONTACTS,),
    "salesforce": (SALESFORCE_OPPORTUNITIES, SALESFORCE_LEADS),
}

# Cell values (after NFKC, trimming and lower-casing).
TRUE_WORDS: frozenset[str] = frozenset(
    {"true", "1", "yes", "y", "t", "はい", "○", "◯", "✓", "✔", "成立", "won"}
)
FALSE_WORDS: frozenset[str] = frozenset(
    {"false", "0", "no", "n", "f", "いいえ", "×", "-", "", "不成立", "lost"}
)
WON_STAGES: frozenset[str] = frozenset(
    {"closed won", "won", "成立", "受注", "クローズ/成立", "受注済み"}
)
YEN_CURRENCIES: frozenset[str] = frozenset({"", "jpy", "円", "日本円", "yen", "¥"})
