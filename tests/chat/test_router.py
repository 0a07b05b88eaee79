from __future__ import annotations

import pytest

from assistant.chat.router import classify, document_kinds, resolve_month, route
from assistant.text.months import shift_month

MONTHS = ["2025-09", "2026-08", "2026-09"]


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("SLA案を作って", "draft"),
        ("ペルソナ別のコンテンツブリーフを書いてください", "draft"),
        ("Draft an SLA between marketing and sales", "draft"),
        ("2026年9月のMQL→SQL転換率は?", "kpi"),
        ("リード数の推移を教えて", "kpi"),
        ("How did conversion change last month?", "kpi"),
        ("商談で多い反対意見は?", "feedback"),
        ("What did prospects say about pricing?", "feedback"),
        ("経理部長の課題は?", "knowledge"),
        ("SLAとは何ですか", "knowledge"),
        # A metric named in a question about rules is a document question ...
        ("MQLの閾値は何点?", "knowledge"),
        ("MQLの定義は?", "knowledge"),
        ("SQLの判定基準は?", "knowledge"),
        ("What is the MQL threshold?", "knowledge"),
        # ... unless a month is named, or an amount asked for.
        ("2026年9月のMQLは?", "kpi"),
        ("MQLは先月何件?", "kpi"),
        ("受注数は?", "kpi"),
        ("商談数の推移は?", "kpi"),
        ("2026年度の目標は?", "knowledge"),
        # 営業 alone (営業部門, 営業日) is not sales feedback; what sales heard is.
        ("営業部門とのSLAは文書化されている?", "knowledge"),
        ("ISは何営業日以内にフォローする?", "knowledge"),
        ("平均商談期間は?", "knowledge"),
        ("経理部長がよく挙げる反論は?", "knowledge"),
        ("ROIについて営業が聞いた前向きな反応は?", "feedback"),
        ("商談相手が決裁者ではなかったという営業の声は?", "feedback"),
    ],
)
def test_classify(question: str, intent: str) -> None:
    assert classify(question) == intent


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("SQLの判定基準は?", ("playbook",)),
        ("営業とのSLAはどう決まっている?", ("playbook",)),
        ("競合他社の価格は?", ("competitor",)),
        ("ブランドの表記ルールは?", ("brand-voice", "playbook")),
        ("ペルソナの一覧は?", ("persona",)),
        ("ケイリクラウドの初期費用は?", ()),
    ],
)
def test_knowledge_questions_point_to_document_kinds(question: str, kinds: tuple) -> None:
    r = route(question, months=MONTHS)
    assert (r.intent, r.kinds) == ("knowledge", kinds)
    assert document_kinds(question) == kinds


def test_only_knowledge_routes_carry_document_kinds() -> None:
    assert route("2026年9月のSQL数の推移は?", months=MONTHS).kinds == ()
    assert route("商談で言われた基準は?", months=MONTHS).kinds == ()


def test_months_resolve_explicit_bare_latest_and_follow_ups() -> None:
    assert resolve_month("2026年８月は?", months=MONTHS, previous=None) == "2026-08"
    assert resolve_month("2026-09 の数字", months=MONTHS, previous=None) == "2026-09"
    assert resolve_month("9月の受注は?", months=MONTHS, previous=None) == "2026-09"
    assert resolve_month("最新のKPIは?", months=MONTHS, previous="2026-08") == "2026-09"
    assert resolve_month("その前月は?", months=MONTHS, previous="2026-09") == "2026-08"
    assert resolve_month("受注数は?", months=MONTHS, previous=None) == "2026-09"


def test_follow_up_without_kpi_words_stays_on_kpi() -> None:
    r = route("その前月は?", months=MONTHS, previous_month="2026-09")
    assert (r.intent, r.month) == ("kpi", "2026-08")


def test_shift_month_crosses_years() -> None:
    assert shift_month("2026-01", -1) == "2025-12"
    assert shift_month("2025-12", 1) == "2026-01"
