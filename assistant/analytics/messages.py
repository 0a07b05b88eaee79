"""The words around the numbers: finding templates and labels, in Japanese and English.

Templates are data (one entry per finding code); ``render`` fills them with the finding's
numbers formatted by unit (``24.4%``, ``7,692円`` / ``¥7,692``, ``+16.7%``, ``-1.9pt``) and
its months, stage label and locations.  A template that names a value the finding does not
have raises ``KeyError`` — tests render every code, so a typo cannot reach a user.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Literal

from assistant.analytics.format import label, percent
from assistant.analytics.format import yen as format_yen
from assistant.domain.grounding import Location
from assistant.text.months import format_month, format_period

if TYPE_CHECKING:  # models renders findings with this module
    from assistant.analytics.models import Finding, Quantity

Lang = Literal["ja", "en"]

_J = "ja"
TEMPLATES: dict[str, dict[str, str]] = {
    # -- analysis -------------------------------------------------------------------
    "bottleneck": {
        _J: "ボトルネックは{stage}です。{month}は{current}で、直前{window}か月の平均{trailing}"
        "に比べ{delta}（相対{relative}）下がりました。ほかの段階の変化: {others}。",
        "en": "The bottleneck is the {stage}: {current} in {month} against {trailing} over "
        "the previous {window} months, {delta} ({relative} relative). Other stages: {others}.",
    },
    "lead_volume_over_quality": {
        _J: "リードの量を追って質が落ちています。{recent}のリード数は月平均{leads_recent}件で"
        "{baseline}（月平均{leads_base}件）から{leads_change}増えた一方、{stage}は{rate_base}から"
        "{rate_recent}（{rate_change}）に下がりました。",
        "en": "Lead volume over quality: leads averaged {leads_recent} a month in {recent}, "
        "{leads_change} on {baseline} ({leads_base}), while the {stage} fell from {rate_base} "
        "to {rate_recent} ({rate_change}).",
    },
    "spend_up_cpl_up": {
        _J: "広告費を増やすほどリードが割高になっています。{recent}の広告費は月平均"
        "{spend_recent}（{baseline}比{spend_change}）、CPLは{cpl_base}から{cpl_recent}"
        "（{cpl_change}）に上がりました。",
        "en": "Spend up, CPL up: spend averaged {spend_recent} a month in {recent} "
        "({spend_change} on {baseline}) and CPL rose from {cpl_base} to {cpl_recent} "
        "({cpl_change}).",
    },
    "sql_to_won_falling": {
        _J: "SQL→受注率が下がっています（営業側の課題の可能性）。{recent}は{rate_recent}"
        "（受注{won}件／SQL{sql}件）で、{baseline}の{rate_base}に比べ相対{rate_change}です。",
        "en": "SQL→won is falling, which points to the sales side: {rate_recent} in {recent} "
        "({won} won of {sql} SQLs), {rate_change} on {rate_base} in {baseline}.",
    },
    "targets_missed": {
        _J: "{stage}は{first}から{n}か月連続で目標の{threshold}を下回っています"
        "（直近{last}の達成率{latest}）。",
        "en": "{stage}: below {threshold} of target for {n} consecutive months since {first} "
        "(latest, {last}: {latest} of target).",
    },
    "insufficient_history": {
        _J: "傾向の判定には{needed}か月分の連続したデータが必要ですが、{available}か月分しか"
        "ありません。パターンの判定は行っていません。",
        "en": "Trend patterns need {needed} consecutive months of data; only {available} are "
        "available, so patterns were not checked.",
    },
    # -- data -----------------------------------------------------------------------
    "negative_value": {
        _J: "{where}: {field}がマイナス（{value}）です。集計には使っていません — 値を直して"
        "ください。",
        "en": "{where}: {field} is negative ({value}) and was not used — correct the value.",
    },
    "not_a_number": {
        _J: "{where}: 「{value}」は金額として読めません。集計には使っていません — 数値"
        "（例: 1,200,000 や 120万円）に直してください。",
        "en": "{where}: '{value}' is not an amount and was not used — write a number "
        "(e.g. 1,200,000 or 120万円).",
    },
    "targets_without_actuals": {
        _J: "{where}: {month}は目標だけで実績がありません（実績なしとして扱います）。",
        "en": "{where}: {month} has targets but no actual numbers (shown without actuals).",
    },
    "duplicate_month": {
        _J: "{months}は複数の行にあります（{sources}）。指標ごとに、最後に取り込んだファイルの値を"
        "使っています — 重複した行を消すか、--source でファイルを選んでください。",
        "en": "{months}: more than one row ({sources}); each figure is taken from the file "
        "ingested last — remove the duplicates or choose a file with --source.",
    },
    "conflicting_values": {
        _J: "{month}の{field}が食い違っています: {used}（採用）と{other}（{where}）。",
        "en": "{month}: {field} differs between rows — {used} (used) and {other} ({where}).",
    },
    "source_conflict": {
        _J: "{field}が{n}か月で食い違っています。{used_source}の値を使い、{other_source}の値は"
        "使っていません（{rule}）: {pairs}。",
        "en": "{field} differs in {n} months; the values of {used_source} are used, not those "
        "of {other_source} ({rule}): {pairs}.",
    },
    "filled_from_import": {
        _J: "{field}は月次シートにない{months}の分を、{source}の集計（イベント月）で補っています。",
        "en": "{field} for {months} is not in the KPI sheets and is taken from the counts of "
        "{source} (by event month).",
    },
    "partial_segments": {
        _J: "{month}の{field}は一部のセグメントにしかないため合計していません（欠けている"
        "セグメント: {segments}）。",
        "en": "{month}: {field} is missing for some segments ({segments}), so it was not totalled.",
    },
    "segment_total_mismatch": {
        _J: "{month}の{field}: 合計行の{total}とセグメントの和{segments}が一致しません"
        "（{where}）。合計行の値を使っています。",
        "en": "{month}: {field} is {total} in the total row but the segments add up to "
        "{segments} ({where}); the total row is used.",
    },
    "funnel_inversion": {
        _J: "{month}の{later}（{later_count}）が{earlier}（{earlier_count}）より多くなっています"
        "（{where}）— 列の取り違えや定義の違いがないか確認してください。",
        "en": "{month}: {later} ({later_count}) exceed {earlier} ({earlier_count}) ({where}) "
        "— check the columns and how the stages are defined.",
    },
    "event_month_inversion": {
        _J: "{month}は{later}（{later_count}）が{earlier}（{earlier_count}）を上回っています。"
        "イベント月で数えると前月以前に{earlier}になった案件がこの月に進むため起こり得ますが、"
        "この月の転換率は100%を超えます。転換の実態はコホート表（作成月別）で確認してください"
        "（{where}）。",
        "en": "{month}: {later} ({later_count}) exceed {earlier} ({earlier_count}). Counting by "
        "event month this happens when records that reached the earlier stage before move on "
        "this month, but the month's rate is over 100% — read conversion from the cohort view "
        "(by creation month) ({where}).",
    },
    "missing_month": {
        _J: "{months}のデータがありません。前月比と傾向はこの月をまたいで計算していません。",
        "en": "No data for {months}; month-over-month changes and trends do not bridge the gap.",
    },
    "missing_value": {
        _J: "{field}が{months}だけ空欄です（{where}）。その月の関連指標は計算していません。",
        "en": "{field} is blank for {months} only ({where}); metrics that need it are not "
        "computed for those months.",
    },
    "division_by_zero": {
        _J: "{month}の{metric}は計算できません: {denominator}が0です（{where}）。",
        "en": "{month}: the {metric} cannot be computed because {denominator} is 0 ({where}).",
    },
    "zero_target": {
        _J: "{month}の{stage}の目標が0のため、達成率を計算できません（{where}）。",
        "en": "{month}: the {stage} target is 0, so achievement cannot be computed ({where}).",
    },
}

_LABELLED_DETAILS = ("field", "metric", "denominator", "later", "earlier")
_MAX_LOCATIONS = 5


def _plain(value: Decimal | int) -> str:
    if isinstance(value, int) or value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP):,}"


def format_quantity(quantity: Quantity, lang: Lang) -> str:
    value, unit = quantity.value, quantity.unit
    if unit in ("rate", "ratio"):
        return percent(Decimal(value))
    if unit == "change":
        return percent(Decimal(value), signed=True)
    if unit == "pts":
        shown = percent(Decimal(value), signed=True).removesuffix("%")
        return f"{shown}ポイント" if lang == "ja" else f"{shown} pts"
    if unit == "yen":
        return format_yen(value, lang)
    if unit == "months":
        return f"{value}か月" if lang == "ja" else f"{value} months"
    return _plain(value)


def format_location(loc: Location, lang: Lang) -> str:
    parts = [loc.source]
    if loc.row is not None:
        parts.append(f"{loc.row}行目" if lang == "ja" else f"row {loc.row}")
    text = " ".join(parts)
    if loc.column:
        text += f"（{loc.column}）" if lang == "ja" else f" ({loc.column})"
    return text


def format_locations(locations: list[Location], lang: Lang) -> str:
    shown = [format_location(loc, lang) for loc in locations[:_MAX_LOCATIONS]]
    more = len(locations) - len(shown)
    text = ("、" if lang == "ja" else "; ").join(shown)
    if more > 0:
        text += f" ほか{more}件" if lang == "ja" else f" and {more} more"
    return text


def _others(finding: Finding, lang: Lang) -> str:
    parts = [
        f"{label(name.removesuffix('_relative'), lang)} {format_quantity(q, lang)}"
        for name, q in finding.numbers.items()
        if name.endswith("_relative")
    ]
    return ("、" if lang == "ja" else ", ").join(parts) or ("なし" if lang == "ja" else "none")


_RULES = {
    "default": {_J: "月次シートを優先", "en": "the KPI sheet comes first"},
    "setting": {_J: "ワークスペースの設定で指定", "en": "as the workspace setting names"},
}


def _pairs(finding: Finding, lang: Lang) -> dict[str, str]:
    """``used@M``/``other@M`` numbers as 「2025年9月 102（他方 106）」, one per month."""
    shown = []
    for month in finding.months:
        used, other = finding.numbers[f"used@{month}"], finding.numbers[f"other@{month}"]
        when = format_month(month, lang)
        if lang == "ja":
            shown.append(
                f"{when} {format_quantity(used, lang)}（他方 {format_quantity(other, lang)}）"
            )
        else:
            shown.append(
                f"{when} {format_quantity(used, lang)} (other {format_quantity(other, lang)})"
            )
    rule = _RULES.get(finding.detail.get("rule", "default"), _RULES["default"])[lang]
    return {
        "pairs": ("、" if lang == "ja" else "; ").join(shown),
        "n": str(len(finding.months)),
        "rule": rule,
    }


def render(finding: Finding, lang: Lang) -> str:
    """The finding's message in ``lang``."""
    clash = set(finding.numbers) & set(finding.detail)
    if clash:
        raise ValueError(f"finding {finding.code}: {sorted(clash)} is both a number and a detail")
    months = finding.months
    params: dict[str, str] = {
        "stage": label(finding.stage, lang) if finding.stage else "",
        "month": format_month(months[0], lang) if months else "",
        "first": format_month(months[0], lang) if months else "",
        "last": format_month(months[-1], lang) if months else "",
        "months": ("、" if lang == "ja" else ", ").join(format_month(m, lang) for m in months),
        "where": format_locations(finding.locations, lang),
        "others": _others(finding, lang),
    }
    for key, value in finding.detail.items():
        params[key] = label(value, lang) if key in _LABELLED_DETAILS else value
    for key in ("recent", "baseline"):
        if key in finding.detail:
            params[key] = format_period(finding.detail[key].split(","), lang)
    params.update({name: format_quantity(q, lang) for name, q in finding.numbers.items()})
    if any("@" in name for name in finding.numbers):
        params.update(_pairs(finding, lang))
    template = TEMPLATES[finding.code][lang]
    if lang == "en" and template.startswith("{stage}"):  # a sentence starts with the label
        params["stage"] = params["stage"][:1].upper() + params["stage"][1:]
    return template.format(**params)
