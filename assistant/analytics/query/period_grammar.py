"""Finding the periods a question names, in Japanese and English, with where they are.

Tokens first — a fiscal year (「2025年度」「2026年9月期」 "FY2025" "the fiscal year that ended
September 2025"), a part of one (上期, 第3四半期, Q2, H1, "first half"), a month (「2026年3月」
"March 2026"), a bare month (「3月」 "March"), a calendar year, a relative period (先月, 直近6か月,
今期, "last quarter") — then a few combining rules: a part takes the fiscal year written next
to it (or this one), two periods joined by 〜/から/to/through make a range, 「X以降」/"since X"
runs to the last month with data, and a bare month means the latest such month up to now
(or the one inside the year the question names).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.analytics.query.model import (
    CalendarYearPeriod,
    FiscalYearPeriod,
    HalfPeriod,
    MonthPeriod,
    Period,
    QuarterPeriod,
    RangePeriod,
    RelativePeriod,
    ShiftPeriod,
)
from assistant.analytics.query.periods import Calendar, absolute, resolve
from assistant.text.months import month_index, shift_month

MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_EN_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_KANJI_NUMBERS = {
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
    "十二": 12,
}
_N = r"(\d{1,2}|十二|[一二三四五六七八九十])"
_MONTHS_WORD = r"\s*(?:か|ヶ|ケ|カ|箇|ヵ|ｹ)?\s*月(?:間|分)?"


def _number(text: str) -> int:
    return int(text) if text.isdigit() else _KANJI_NUMBERS[text]


def month_number(name: str) -> int:
    return next(i for i, full in enumerate(MONTH_NAMES, 1) if full.startswith(name[:3]))


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    kind: str  # fy, sub, month, bare, year, rel, since, after, until
    fy: int | None = None
    sub: tuple[str, int] | None = None  # ("h", 1) / ("q", 3)
    month: str | None = None
    number: int | None = None  # bare month number, or calendar year
    rel: str | None = None
    n: int | None = None


@dataclass(frozen=True)
class Mention:
    """A period the question names, and the part of the question that names it."""

    start: int
    end: int
    period: Period
    parts: tuple[Period, Period] | None = None  # the two ends of 「8月から9月」 "from X to Y"


def _sub(text: str) -> tuple[str, int] | None:
    t = text.strip()
    if re.fullmatch(r"上期|上半期|前期分?|first\s+half|h1|1h", t):
        return ("h", 1)
    if re.fullmatch(r"下期|下半期|second\s+half|h2|2h", t):
        return ("h", 2)
    if m := re.fullmatch(
        r"(?:第\s*([1-4])\s*四半期|q\s*([1-4])|([1-4])\s*q|([1-4])(?:st|nd|rd|th)\s+quarter)", t
    ):
        return ("q", int(next(g for g in m.groups() if g)))
    return None


_SUB = r"(上期|上半期|下期|下半期|第\s*[1-4]\s*四半期|q\s*[1-4]|[1-4]\s*q(?![a-z])|first\s+half|second\s+half|\bh[12]\b|[1-4](?:st|nd|rd|th)\s+quarter)"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(p))
    for kind, p in (
        ("fy_end", r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*期"),
        (
            "fy_end",
            r"(?:fiscal\s+year|fy)\s+(?:that\s+)?(?:ended|ending|ends|closing|closed|to)\s+(?:in\s+)?"
            + rf"({_EN_MONTH})\s*,?\s*(\d{{4}})",
        ),
        ("fy", r"(\d{4})\s*年度"),
        ("fy", r"(?<![a-z])fy\s*'?(\d{4}|\d{2})(?!\d)"),
        ("fy", r"(?:fiscal|financial)\s+(?:year\s+)?(\d{4})"),
        (
            "rel",
            r"今期ここまで|今期累計|今年度累計|期初から|今期これまで|year[- ]to[- ]date|\bytd\b|so\s+far\s+this\s+(?:fiscal\s+)?year|fiscal\s+year\s+to\s+date",
        ),
        (
            "rel",
            r"今期|今年度|当期|本年度|this\s+fiscal\s+year|this\s+fy\b|current\s+fiscal\s+year|this\s+financial\s+year",
        ),
        (
            "rel",
            r"前期(?!比|分)|昨年度|前年度|去年度|last\s+fiscal\s+year|last\s+fy\b|previous\s+fiscal\s+year|prior\s+fiscal\s+year|last\s+financial\s+year",
        ),
        ("rel", r"今四半期|当四半期|this\s+quarter|current\s+quarter"),
        ("rel", r"前四半期|先四半期|last\s+quarter|previous\s+quarter|prior\s+quarter"),
        ("rel", r"今半期|this\s+half"),
        ("rel", r"前半期|last\s+half|previous\s+half"),
        ("rel", rf"(?:直近|過去|ここ|最近の?|この)\s*{_N}{_MONTHS_WORD}"),
        (
            "rel",
            r"(?:last|past|previous|trailing|prior|recent)\s+(\d{1,2}|two|three|four|five|six|nine|twelve)\s+(?:full\s+)?months?",
        ),
        (
            "rel",
            r"(?:直近|過去|ここ)\s*(?:1|一)\s*年(?:間)?|(?:past|trailing)\s+(?:12\s+months|year)(?!\s+(?:ago|earlier))|last\s+12\s+months",
        ),
        ("rel", r"(?:直近|過去|ここ)\s*半年|(?:last|past)\s+(?:half\s+year|six\s+months)"),
        (
            "rel",
            r"先月|前月(?!比|と|から)|(?<!the\s)last\s+month(?!\s+(?:that|when|where|our|we|it|in\s+which|with))|previous\s+month|past\s+month|prior\s+month",
        ),
        ("rel", r"今月|当月|this\s+month|so\s+far\s+this\s+month|month\s+to\s+date|\bmtd\b"),
        # 「2026年7〜9月」: the first month's 月 is left out when a range follows
        (
            "month",
            r"(\d{4})\s*年\s*(\d{1,2})\s*(?:月(?!\s*期)|(?=\s*(?:〜|~|-|–|－|から)\s*\d{1,2}\s*月))",
        ),
        ("month", r"(\d{4})\s*[-/.]\s*(\d{1,2})(?![\d/.])"),
        ("month", rf"({_EN_MONTH})\.?\s*,?\s*(\d{{4}})"),
        ("month", rf"(\d{{4}})\s+({_EN_MONTH})\b"),
        ("part_year", _SUB + r"\s*(?:of\s+)?(?:fy\s*)?'?(\d{4})(?!\s*年\s*\d)"),
        ("sub", _SUB),
        ("year", r"(\d{4})\s*年(?![度\d月])"),
        (
            "year",
            r"(?:in|for|of|during)\s+(?:calendar\s+(?:year\s+)?)?(\d{4})\b|calendar\s+(?:year\s+)?(\d{4})",
        ),
        ("this_year", r"今年|本年|this\s+year|this\s+calendar\s+year"),
        ("last_year", r"去年|昨年(?!度|同|対)|last\s+year(?!'s\s+same)|last\s+calendar\s+year"),
        ("last_named", rf"(?:last|previous|the\s+previous)\s+({_EN_MONTH})\b"),
        ("bare", r"(?<![\d年])(\d{1,2})\s*月(?!\s*[期末度額次])"),
        ("bare", rf"\b({_EN_MONTH})\b\.?"),
    )
)
_EN_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "nine": 9, "twelve": 12}
_RANGE_JOIN = re.compile(
    r"^\s*(?:〜|~|-|–|—|－|から|より|to|through|thru|until|till|and|&|・|、|,)\s*(?:the\s+)?(?:end\s+of\s+)?$"
)
_UNTIL_AFTER = re.compile(r"^\s*(?:まで|迄)")
_SINCE_AFTER = re.compile(r"^\s*(?:以降|以来|から(?!.*まで)|以後|〜\s*$)")
_AFTER_BEFORE = re.compile(r"(?:\bafter|following)\b[^.?!。？]{0,60}$")
_SINCE_BEFORE = re.compile(
    r"(?:since|from|starting(?:\s+in)?|beginning(?:\s+in)?)\s+(?:the\s+)?(?:(?:start|beginning)\s+of\s+)?$|(?:since|from)\s*$"
)
_UNTIL_BEFORE = re.compile(r"(?:until|through|thru|up\s+to|till|to)\s*$")
_MAY_CONTEXT = re.compile(r"(?:in|of|for|vs\.?|and|to|through|since|from|until|between|last)\s+$")


def _tokens(text: str, original: str) -> list[Token]:
    taken = [False] * len(text)
    out: list[Token] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(taken[m.start() : m.end()]):
                continue
            token = _token(kind, m, text, original)
            if token is None:
                continue
            for i in range(m.start(), m.end()):
                taken[i] = True
            out.append(token)
    return sorted(out, key=lambda t: t.start)


def _token(kind: str, m: re.Match[str], text: str, original: str) -> Token | None:  # noqa: C901 (one branch per token kind)
    s, e, g = m.start(), m.end(), [x for x in m.groups() if x]
    word = m.group(0)
    if kind == "fy_end":
        year = int(g[0]) if g[0].isdigit() else int(g[1])
        month = int(g[1]) if g[0].isdigit() else month_number(g[0])
        if not 1 <= month <= 12:
            return None
        return Token(s, e, "fy_end", fy=year, number=month)
    if kind == "fy":
        year = int(g[0])
        return Token(s, e, "fy", fy=year + 2000 if year < 100 else year)
    if kind == "rel":
        return _relative(s, e, word, g)
    if kind == "month":
        if g[0].isdigit() and len(g[0]) == 4:
            year, month = int(g[0]), int(g[1]) if g[1].isdigit() else month_number(g[1])
        else:
            year, month = int(g[1]), month_number(g[0])
        if not 1 <= month <= 12:
            return None
        return Token(s, e, "month", month=f"{year:04d}-{month:02d}")
    if kind == "sub":
        sub = _sub(word)
        return Token(s, e, "sub", sub=sub) if sub else None
    if kind == "part_year":
        sub = _sub(m.group(1))
        return Token(s, e, "part", sub=sub, fy=int(m.group(2))) if sub else None
    if kind == "year":
        return Token(s, e, "year", number=int(g[0]))
    if kind in ("this_year", "last_year"):
        return Token(s, e, kind)
    if kind == "last_named":
        return Token(s, e, "last_named", number=month_number(g[0]))
    if kind == "bare":
        if g[0].isdigit():
            n = int(g[0])
            return Token(s, e, "bare", number=n) if 1 <= n <= 12 else None
        if g[0].startswith("may") and not (
            original[s : s + 3] == "May" and _MAY_CONTEXT.search(text[max(0, s - 12) : s])
        ):
            return None  # "may" the verb
        return Token(s, e, "bare", number=month_number(g[0]))
    return None


def _relative(s: int, e: int, word: str, groups: list[str]) -> Token:
    w = word
    if re.search(
        r"ここまで|累計|期初から|これまで|year[- ]to[- ]date|ytd|so\s+far\s+this\s+(?:fiscal\s+)?year",
        w,
    ):
        return Token(s, e, "rel", rel="this_fy_to_date")
    if re.search(r"四半期|quarter", w):
        rel = "last_quarter" if re.search(r"前|先|last|previous|prior", w) else "this_quarter"
        return Token(s, e, "rel", rel=rel)
    if re.search(r"半期|half", w) and not re.search(r"半年|half\s+year", w):
        rel = "last_half" if re.search(r"前|last|previous", w) else "this_half"
        return Token(s, e, "rel", rel=rel)
    if re.search(
        r"今期|今年度|当期|本年度|this\s+fiscal|this\s+fy|current\s+fiscal|this\s+financial", w
    ):
        return Token(s, e, "rel", rel="this_fy")
    if re.search(r"前期|昨年度|前年度|去年度|前の期|fiscal\s+year|\bfy\b|financial\s+year", w):
        return Token(s, e, "rel", rel="last_fy")
    if re.search(r"先月|前月|last\s+month|previous\s+month|past\s+month|prior\s+month", w):
        return Token(s, e, "rel", rel="last_month")
    if re.search(r"今月|当月|this\s+month|month\s+to\s+date|mtd", w):
        return Token(s, e, "rel", rel="this_month")
    if re.search(r"半年|half\s+year|six\s+months", w):
        return Token(s, e, "rel", rel="last_n_months", n=6)
    if re.search(r"年|year|12\s+months", w):
        return Token(s, e, "rel", rel="last_n_months", n=12)
    raw = groups[0] if groups else "1"
    n = _EN_NUMBERS.get(raw) or _number(raw)
    return Token(s, e, "rel", rel="last_n_months", n=n)


# -- from tokens to periods -----------------------------------------------------------------


def _fy_of_token(t: Token, cal: Calendar) -> int | None:
    if t.kind == "fy":
        return t.fy
    if t.kind == "fy_end" and t.fy is not None and t.number is not None:
        return cal.fy_ending(t.fy, t.number)
    if t.kind == "rel" and t.rel in ("this_fy", "last_fy"):
        fy = cal.fy_of(cal.this_month)
        return fy if t.rel == "this_fy" else fy - 1
    if t.kind == "year" and t.number is not None:
        return t.number
    if t.kind in ("this_year", "last_year"):
        return int(cal.this_month[:4]) - (t.kind == "last_year")
    return None


def _glue(text: str, a: Token, b: Token, limit: int = 6) -> bool:
    between = text[a.end : b.start]
    return len(between) <= limit and bool(re.fullmatch(r"[\sのof,'s]*|\s*の\s*", between))


def periods(text: str, original: str, cal: Calendar) -> list[Mention]:
    """The periods named in ``text`` (folded) in order; ``original`` keeps the case that
    tells the month May from the verb."""
    tokens = _tokens(text, original)
    tokens = _attach_parts(text, tokens, cal)
    mentions = [m for t in tokens if (m := _single(t, tokens, cal)) is not None]
    mentions = _ranges(text, mentions, cal)
    return _open_ended(text, mentions, cal)


def _attach_parts(text: str, tokens: list[Token], cal: Calendar) -> list[Token]:
    """A part (上期, Q3) joined to the fiscal year next to it: 「2026年9月期の上期」 "Q1 of FY2026"."""
    out: list[Token] = []
    skip: set[int] = set()
    for i, t in enumerate(tokens):
        if i in skip:
            continue
        if t.kind != "sub":
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            fy = _fy_of_token(t, cal)
            if nxt is not None and nxt.kind == "sub" and fy is not None and _glue(text, t, nxt):
                out.append(replace(nxt, start=t.start, fy=fy, kind="part"))
                skip.add(i + 1)
                continue
            out.append(t)
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            nxt is not None
            and (fy := _fy_of_token(nxt, cal)) is not None
            and _glue(text, t, nxt, 10)
        ):
            out.append(replace(t, end=nxt.end, fy=fy, kind="part"))
            skip.add(i + 1)
            continue
        out.append(replace(t, fy=None, kind="part"))
    return out


def _context_fy(tokens: list[Token], cal: Calendar, default: int) -> int:
    """The fiscal year of a part named alone (「2025年度の下期は上期と比べて」: 上期 of 2025年度)."""
    for t in tokens:
        if t.kind == "part" and t.fy is not None:
            return t.fy
        if t.kind in ("fy", "fy_end") and (fy := _fy_of_token(t, cal)) is not None:
            return fy
    return default


def _context_year(tokens: list[Token], cal: Calendar) -> tuple[str, str] | None:
    """The months of a year the question names, for its bare months (「2026年9月期の8月」)."""
    for t in tokens:
        fy = _fy_of_token(t, cal)
        if t.kind in ("fy", "fy_end") and fy is not None:
            months = cal.fy_months(fy)
            return months[0], months[-1]
        if t.kind == "year" and t.number is not None:
            return f"{t.number:04d}-01", f"{t.number:04d}-12"
    return None


def resolve_bare(number: int, cal: Calendar, within: tuple[str, str] | None) -> str:
    """A month named without a year: inside the year the question names, else the latest
    such month up to this one (in December, 「11月」 is last month, not next November)."""
    if within is not None:
        first, last = within
        for i in range(month_index(first), month_index(last) + 1):
            month = f"{i // 12:04d}-{i % 12 + 1:02d}"
            if int(month[5:]) == number:
                return month
    year = int(cal.this_month[:4])
    month = f"{year:04d}-{number:02d}"
    return month if month <= cal.this_month else f"{year - 1:04d}-{number:02d}"


def _single(t: Token, tokens: list[Token], cal: Calendar) -> Mention | None:
    fy_now = cal.fy_of(cal.this_month)
    period: Period | None = None
    if t.kind == "fy" and t.fy is not None:
        period = FiscalYearPeriod(fy=t.fy)
    elif t.kind == "fy_end" and t.fy is not None and t.number is not None:
        period = FiscalYearPeriod(fy=cal.fy_ending(t.fy, t.number))
    elif t.kind == "part" and t.sub is not None:
        fy = t.fy if t.fy is not None else _context_fy(tokens, cal, fy_now)
        kind, n = t.sub
        period = HalfPeriod(fy=fy, h=n) if kind == "h" else QuarterPeriod(fy=fy, q=n)
    elif t.kind == "rel" and t.rel is not None:
        period = RelativePeriod(rel=t.rel, n=t.n)  # type: ignore[arg-type]
    elif t.kind == "month" and t.month is not None:
        period = MonthPeriod(month=t.month)
    elif t.kind == "year" and t.number is not None:
        period = CalendarYearPeriod(year=t.number)
    elif t.kind == "this_year":
        period = CalendarYearPeriod(year=int(cal.this_month[:4]))
    elif t.kind == "last_year":
        period = CalendarYearPeriod(year=int(cal.this_month[:4]) - 1)
    elif t.kind == "bare" and t.number is not None:
        within = _context_year([x for x in tokens if x is not t], cal)
        period = MonthPeriod(month=resolve_bare(t.number, cal, within))
    elif t.kind == "last_named" and t.number is not None:
        # "October vs. last October": the one a year before the October named; alone, the
        # latest October before this month.
        same = [x for x in tokens if x.kind == "bare" and x.number == t.number]
        if same:
            within = _context_year([x for x in tokens if x is not same[0]], cal)
            period = MonthPeriod(month=shift_month(resolve_bare(t.number, cal, within), -12))
        else:
            latest = resolve_bare(t.number, cal, None)
            period = MonthPeriod(
                month=latest if latest < cal.this_month else shift_month(latest, -12)
            )
    return Mention(t.start, t.end, period) if period is not None else None


def _ranges(text: str, mentions: list[Mention], cal: Calendar) -> list[Mention]:
    """Two periods joined by 〜/から/to/through/and become one range (「2026年6月〜11月」)."""
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        a = mentions[i]
        b = mentions[i + 1] if i + 1 < len(mentions) else None
        if b is not None and _RANGE_JOIN.match(text[a.end : b.start]):
            joiner = text[a.end : b.start].strip()
            between = bool(
                re.search(r"between\s+(?:the\s+)?$", text[max(0, a.start - 12) : a.start])
            )
            if joiner in ("and", "&", "・", "、", ",") and not (between or _adjacent(a, b, cal)):
                out.append(a)
                i += 1
                continue
            a_period = _year_from_end(text, a, b)
            start = resolve(a_period, cal).months
            end_period = b.period
            if isinstance(b.period, MonthPeriod) and isinstance(a_period, MonthPeriod):
                end_period = _after(a_period.month, int(b.period.month[5:]))
            end = resolve(end_period, cal).months
            if start and end and end[-1] >= start[0]:
                span = RangePeriod(start=start[0], end=end[-1])
                out.append(Mention(a.start, b.end, span, parts=(a_period, end_period)))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _year_from_end(text: str, a: Mention, b: Mention) -> Period:
    """ "between July and December 2025": a start month written without its year takes the
    end's (the year before when its month comes later in the year)."""
    if not (isinstance(a.period, MonthPeriod) and isinstance(b.period, MonthPeriod)):
        return a.period
    if re.search(r"\d{4}", text[a.start : a.end]) or not re.search(r"\d{4}", text[b.start : b.end]):
        return a.period
    year, month = int(b.period.month[:4]), int(a.period.month[5:])
    if month > int(b.period.month[5:]):
        year -= 1
    return MonthPeriod(month=f"{year:04d}-{month:02d}")


def _adjacent(a: Mention, b: Mention, cal: Calendar) -> bool:
    """Two quarters or months that follow each other ("Q2 and Q3") read as one span."""
    am, bm = resolve(a.period, cal).months, resolve(b.period, cal).months
    return (
        bool(am and bm)
        and month_index(bm[0]) == month_index(am[-1]) + 1
        and (type(a.period) is type(b.period))
    )


def _after(start: str, number: int) -> Period:
    """The end month of 「6月〜11月」: the first such month at or after the start."""
    year = int(start[:4])
    month = f"{year:04d}-{number:02d}"
    return MonthPeriod(month=month if month >= start else f"{year + 1:04d}-{number:02d}")


def _open_ended(text: str, mentions: list[Mention], cal: Calendar) -> list[Mention]:
    """「X以降」 "since X" / "after X" run to the last month with data; 「Xまで」 "until X"
    from the first (when nothing else starts the range)."""
    data = cal.data_months
    if not data:
        return mentions
    out = []
    for m in mentions:
        months = resolve(m.period, cal).months
        before, after = text[max(0, m.start - 70) : m.start], text[m.end : m.end + 8]
        if not months or isinstance(m.period, RangePeriod):
            out.append(m)
        elif _AFTER_BEFORE.search(before):
            out.append(Mention(m.start, m.end, _span(shift_month(months[-1], 1), data[-1])))
        elif _SINCE_BEFORE.search(before[-32:]) or re.match(
            r"\s*(?:の期初)?\s*(?:以降|以来|以後|から(?:の|今|現在|これ|直近))", after
        ):
            out.append(Mention(m.start, m.end, _span(months[0], data[-1])))
        elif (_UNTIL_AFTER.match(after) or _UNTIL_BEFORE.search(before[-16:])) and len(
            mentions
        ) == 1:
            out.append(Mention(m.start, m.end, _span(data[0], months[-1])))
        else:
            out.append(m)
    return out


def _span(start: str, end: str) -> RangePeriod:
    return RangePeriod(start=start, end=max(start, end))


def shifted_fy(period: Period, cal: Calendar, years: int) -> Period:
    """The same period ``years`` fiscal years away (「前の期」 after 「2026年9月期」)."""
    fixed = absolute(period, cal)
    if isinstance(fixed, FiscalYearPeriod):
        return FiscalYearPeriod(fy=fixed.fy + years)
    if isinstance(fixed, HalfPeriod):
        return HalfPeriod(fy=fixed.fy + years, h=fixed.h)
    if isinstance(fixed, QuarterPeriod):
        return QuarterPeriod(fy=fixed.fy + years, q=fixed.q)
    return ShiftPeriod(period=period, months=12 * years)
