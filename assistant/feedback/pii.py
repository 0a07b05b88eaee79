"""PII redaction with reversible placeholders: phones, e-mails, postal addresses, names.

Redaction runs before any note text is embedded, labelled, quoted, exported or handed to a
theme namer (which may be a remote LLM), so nothing downstream ever sees the originals.  The
placeholder map (``[PHONE_1]`` → ``03-0000-1234``) stays in the local database with the run,
so a user on their own machine can restore a note (``restore``).

What is recognised (Japanese first):

* phones — domestic ``03-0000-1234``, ``090-0000-1234``, ``0120-000-123``, ``03(0000)1234``,
  ``(03)0000-1234``, ``09000001234``, full-width digits and ``ー``/``－`` as hyphens;
  international ``+81-90-0000-1234``, ``+1 (202) 555-0143``, ``+44 20 7946 0000``.  A digit
  run only counts when its digit total fits a phone number (10-11 domestic, 8-15 with ``+``),
  so dates, amounts and order numbers are left alone.
* e-mail addresses.
* postal addresses — ``〒123-4567`` and street addresses (prefecture or 丁目/番地 form, with a
  building name and floor when present).
* names — a kanji name before an honorific (``山田様``, ``田中さん``, ``鈴木一郎氏``), a
  common surname before a job title (``佐藤部長``) or before a given name (``森田 拓海``),
  ``Mr./Ms. Smith``, and any name a 担当/rep/contact column gave (``known_names``).  Role
  words before an honorific (``お客様``, ``担当者様``, ``経理さん``) are not names.  A bare name
  with none of these cues is not recognised — say so where it matters.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from assistant.feedback.models import PiiType, Redaction
from assistant.feedback.wordlists import ORG_SUFFIXES, ROLE_WORDS, SURNAMES

# Full-width ASCII → ASCII is one character for one, so spans found on the folded text are
# the spans of the original.
_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}

_HY = r"[-‐‑‒–—―−ー]"
_SEP = rf"(?:{_HY}|\s)"
_PHONE_PATTERNS = [
    re.compile(rf"\+\d{{1,3}}{_SEP}?\(?\d{{1,4}}\)?(?:{_SEP}?\d{{1,4}}){{1,4}}"),
    re.compile(rf"0\d{{1,4}}{_SEP}\d{{1,4}}{_SEP}\d{{3,4}}"),
    re.compile(r"0\d{1,4}\(\d{1,4}\)\d{3,4}"),
    re.compile(rf"\(0\d{{1,4}}\)\s?\d{{1,4}}{_HY}?\d{{3,4}}"),
    re.compile(r"0\d{9,10}"),
]
_EDGE_BEFORE = re.compile(r"[0-9A-Za-z+\-]")
_EDGE_AFTER = re.compile(r"[0-9A-Za-z]")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")

_PREF = r"(?:東京都|北海道|(?:京都|大阪)府|[一-龥]{2,3}県)"
_PLACE = r"[一-龥々ぁ-んァ-ヶー]"
_BUILDING = (
    r"(?:\s?[ァ-ヶー一-龥A-Za-z0-9]{1,15}(?:ビル|タワー|ハイツ|マンション|会館|センター)"
    r"(?:\s?\d{1,3}(?:F|階))?)?"
)
_BLOCK = (
    rf"\d+(?:丁目{_HY}?\s?\d+(?:番地?|{_HY})?(?:\d+号?)?|{_HY}\d+(?:{_HY}\d+)?|番地?(?:\d+号?)?)"
)
_KANJI = r"[一-龥々]"
_BLOCK_TAIL = rf"(?:{_HY}?\s?\d+(?:番地?|{_HY})?(?:\d+号?)?)?"
_POSTAL = rf"(?:〒|郵便番号[:：]?)\s?\d{{3}}{_HY}?\d{{4}}"
_ADDRESS_PATTERNS = [
    # 〒 + optional street address
    re.compile(rf"{_POSTAL}(?:\s?{_PREF}?{_PLACE}{{1,12}}?[市区町村郡]{_PLACE}{{0,14}}?{_BLOCK}{_BUILDING})?"),
    # prefecture + municipality + block
    re.compile(rf"{_PREF}{_PLACE}{{1,12}}?[市区町村郡]{_PLACE}{{0,14}}?{_BLOCK}{_BUILDING}"),
    # municipality + 丁目/番地 (no prefecture): starts at the beginning of a kanji run
    re.compile(rf"(?<![一-龥々]){_KANJI}{{1,8}}?[市区町村]{_PLACE}{{1,12}}?\d+(?:丁目|番地){_BLOCK_TAIL}{_BUILDING}"),
]  # fmt: skip

_TITLES = (
    "事務局長|本部長|副社長|支店長|理事長|取締役|部長|課長|社長|係長|主任|室長|専務|常務|会長|"
    "院長|所長|局長|店長|次長|代表|先生"
)
_KANJI_RUN = r"[一-龥々]{1,4}(?:[ \u3000][一-龥々]{1,3})?"
_AFTER_NAME = r"(?=様(?![子々式相態])|さん|氏(?![名族])|殿|くん|君(?![主臨]))"
_HONORIFIC = re.compile(rf"(?<![一-龥々ァ-ヶー])({_KANJI_RUN}){_AFTER_NAME}")
_KATAKANA_HONORIFIC = re.compile(r"(?<![一-龥々ァ-ヶー])([ァ-ヶー]{2,10})(?=氏(?![名族]))")
_TITLED = re.compile(rf"([一-龥々]{{1,4}})(?=(?:{_TITLES}))")
_GIVEN = re.compile(r"([一-龥々]{1,4})[ \u3000]([一-龥々]{1,3})(?![一-龥々])")
_ENGLISH = re.compile(
    r"(?<![A-Za-z])(?:Mr|Ms|Mrs|Miss|Dr|Prof)\.?\s+([A-Z][a-zA-Z'-]+(?:\s[A-Z][a-zA-Z'-]+)?)"
)

_ROLE_PREFIXES = ("先方の", "先方", "担当の", "担当", "窓口の", "窓口", "経理の", "経理", "総務")
_PRIORITY: dict[str, int] = {"email": 0, "address": 1, "phone": 2, "name": 3}
_LABEL = {"phone": "PHONE", "email": "EMAIL", "address": "ADDRESS", "name": "NAME"}
PLACEHOLDER_RE = re.compile(r"\[(?:PHONE|EMAIL|ADDRESS|NAME)_\d+\]")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    type: PiiType
    text: str


def _phones(folded: str) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    for pattern in _PHONE_PATTERNS:
        for m in pattern.finditer(folded):
            start, end = m.span()
            if start and _EDGE_BEFORE.match(folded[start - 1]):
                continue
            if end < len(folded) and _EDGE_AFTER.match(folded[end]):
                continue
            digits = sum(c.isdigit() for c in m.group())
            ok = 8 <= digits <= 15 if m.group().startswith("+") else 10 <= digits <= 11
            if ok:
                found.append((start, end))
    return found


def _clean_name(candidate: str) -> str | None:
    """The name inside a kanji run before an honorific, or None when it is a role word."""
    name = candidate
    for prefix in _ROLE_PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix):
            name = name[len(prefix) :]
    bare = name.replace(" ", "").replace("\u3000", "")
    if not bare or bare in ROLE_WORDS or name.endswith(ORG_SUFFIXES):
        return None
    if len(bare) == 1 and bare not in SURNAMES:  # 仕様, 同様, 模様: not a person
        return None
    if any(bare.endswith(word) for word in ("担当者", "担当", "部長", "課長", "社長")):
        return None
    return name


def _names(folded: str, known: Iterable[str]) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    for m in _HONORIFIC.finditer(folded):
        name = _clean_name(m.group(1))
        if name:
            end = m.end(1)
            found.append((end - len(name), end))
    found += [m.span(1) for m in _KATAKANA_HONORIFIC.finditer(folded)]
    for m in _TITLED.finditer(folded):
        run = m.group(1)
        for surname in sorted(SURNAMES, key=len, reverse=True):
            if run.endswith(surname):
                found.append((m.end(1) - len(surname), m.end(1)))
                break
    for m in _GIVEN.finditer(folded):
        if m.group(1) in SURNAMES:
            end = m.end() - 1 if m.group(2)[-1] in "様氏殿君" else m.end()
            found.append((m.start(), end))
    found += [m.span(1) for m in _ENGLISH.finditer(folded)]
    for name in known:
        start = folded.find(name)
        while start >= 0:
            found.append((start, start + len(name)))
            start = folded.find(name, start + len(name))
    return found


def find_pii(text: str, *, known_names: Iterable[str] = ()) -> list[Span]:
    """Every PII span in ``text``, non-overlapping, in order (e-mail > address > phone > name)."""
    folded = text.translate(_FOLD)
    candidates: list[tuple[int, int, str]] = []
    candidates += [(*m.span(), "email") for m in _EMAIL.finditer(folded)]
    for pattern in _ADDRESS_PATTERNS:
        candidates += [(*m.span(), "address") for m in pattern.finditer(folded)]
    candidates += [(s, e, "phone") for s, e in _phones(folded)]
    candidates += [(s, e, "name") for s, e in _names(folded, known_names)]
    candidates.sort(key=lambda c: (_PRIORITY[c[2]], -(c[1] - c[0]), c[0]))
    taken: list[Span] = []
    for start, end, kind in candidates:
        if any(start < s.end and s.start < end for s in taken):
            continue
        taken.append(Span(start, end, kind, text[start:end]))  # type: ignore[arg-type]
    return sorted(taken, key=lambda s: s.start)


def known_names_from(values: Iterable[str | None]) -> set[str]:
    """Names from 担当/rep/contact cells: the full name, without spaces, and the surname."""
    names: set[str] = set()
    for value in values:
        if not value:
            continue
        for part in re.split(r"[、,/・;]", value):
            full = " ".join(part.split())
            if len(full.replace(" ", "")) < 2:
                continue
            names.add(full)
            names.add(full.replace(" ", ""))
            surname = full.split(" ")[0]
            if len(surname) >= 2 and " " in full:
                names.add(surname)
    return names


class Redactor:
    """Replaces PII with numbered placeholders, the same original always by the same one.

    One redactor serves one run, so ``山田`` is ``[NAME_1]`` in every note of that run and a
    reader can still tell that two quotes mention the same person.
    """

    def __init__(self, *, known_names: Iterable[str] = ()) -> None:
        # Longest first, so "森田拓海" wins over "森田".
        self._known = sorted(set(known_names), key=len, reverse=True)
        self._placeholders: dict[tuple[str, str], str] = {}
        self._counters: Counter[str] = Counter()
        self.redactions: list[Redaction] = []

    def _placeholder(self, kind: str, original: str) -> str:
        key = (kind, original.replace(" ", "").replace("\u3000", ""))
        if key not in self._placeholders:
            self._counters[kind] += 1
            self._placeholders[key] = f"[{_LABEL[kind]}_{self._counters[kind]}]"
        return self._placeholders[key]

    def redact(self, text: str, *, note_id: str) -> str:
        spans = find_pii(text, known_names=self._known)
        out: list[str] = []
        last = 0
        for span in spans:
            placeholder = self._placeholder(span.type, span.text)
            out += [text[last : span.start], placeholder]
            last = span.end
            self.redactions.append(
                Redaction(
                    note_id=note_id, type=span.type, placeholder=placeholder, original=span.text
                )
            )
        out.append(text[last:])
        return "".join(out)

    def counts(self) -> dict[str, int]:
        """Spans replaced, by type (every type present, zero when none)."""
        counts = Counter(r.type for r in self.redactions)
        return {kind: counts.get(kind, 0) for kind in _LABEL}


def restore(text: str, redactions: Iterable[Redaction]) -> str:
    """Put the originals back (local use only: the map never leaves the machine)."""
    mapping = {r.placeholder: r.original for r in redactions}
    return PLACEHOLDER_RE.sub(lambda m: mapping.get(m.group(), m.group()), text)
