"""The workspace's own names — products, competitors, features — found, unified, kept whole.

A label that reads 「ファブ・リナ」 or a count that misses 「ﾌｧﾌﾞﾘﾅ」 because a rep typed it in
half-width kana is useless to a director.  ``EntityLexicon`` finds the names a workspace uses
and treats each as one word, however it is written:

* candidates — katakana runs (``ステイナビ``, ``クラウドレシート``), Latin names that are
  not plain English (all capitals ``FABRINA``, inner capitals ``StayNavi``, or a capitalised
  word inside Japanese text ``Tripora``, with a trailing version ``V3``/``+``/``ONE``), and short
  「quoted」 names without hiragana (``「スマート精算ONE」``);
* kept — a candidate found in two or more notes, or in any of the workspace's product /
  competitor / company documents (their ``competitor:`` / ``product:`` front matter counts
  whole, kanji and all: ``青葉会計``); a katakana run that SudachiPy knows as one ordinary
  word (``セキュリティ``, ``タブレット``) is a word, not a name;
* unified — NFKC (``ＦＡＢＲＩＮＡ`` = ``FABRINA``, ``ﾌｧﾌﾞﾘﾅ`` = ``ファブリナ``), case
  (``Fabrina``), spaces and 「・」, and a katakana name with the Latin name it transliterates
  (``ファブリナ`` = ``FABRINA``, ``ステイナビ`` = ``StayNavi``: the same consonant skeleton once
  both are romanised, at least three consonants long).  The name shown is the most frequent
  spelling.

No list of any one data set's names is involved: everything comes from the workspace.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from assistant.text.normalize import nfkc

_KATAKANA = r"[ァ-ヺー]"
_CANDIDATES = (
    re.compile(rf"{_KATAKANA}(?:{_KATAKANA}|・(?={_KATAKANA}))+(?:[A-Za-z0-9]+|\+)?"),
    # FABRINA, StayNavi, ホテルマスターV3's V3 stays with its name above
    re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z]*[A-Z][A-Za-z]*(?:\s?(?:V?\d+|ONE|Plus|\+))?"),
)
_CAPITALISED = re.compile(r"(?<![A-Za-z0-9])[A-Z][a-z]{2,}(?![A-Za-z0-9])")  # Tripora
_QUOTED = re.compile(r"「([^「」\n]{2,15})」")
_HIRAGANA = re.compile(r"[ぁ-ゖ]")
_JAPANESE = re.compile(r"[ぁ-ゖァ-ヺ一-龥]")
_SEPARATORS = re.compile(r"[\s・･\-‐]+")


def entity_key(name: str) -> str:
    """The form two spellings of one name share: NFKC, case-folded, without spaces or ・."""
    return _SEPARATORS.sub("", nfkc(name)).casefold()


# -- romanisation, for matching ファブリナ with FABRINA --------------------------------------
_KANA = {
    "キャ": "kya", "キュ": "kyu", "キョ": "kyo", "シャ": "sha", "シュ": "shu", "ショ": "sho",
    "チャ": "cha", "チュ": "chu", "チョ": "cho", "ニャ": "nya", "ニュ": "nyu", "ニョ": "nyo",
    "ヒャ": "hya", "ヒュ": "hyu", "ヒョ": "hyo", "ミャ": "mya", "ミュ": "myu", "ミョ": "myo",
    "リャ": "rya", "リュ": "ryu", "リョ": "ryo", "ギャ": "gya", "ギュ": "gyu", "ギョ": "gyo",
    "ジャ": "ja", "ジュ": "ju", "ジョ": "jo", "ビャ": "bya", "ビュ": "byu", "ビョ": "byo",
    "ピャ": "pya", "ピュ": "pyu", "ピョ": "pyo", "ファ": "fa", "フィ": "fi", "フェ": "fe",
    "フォ": "fo", "ティ": "ti", "ディ": "di", "デュ": "du", "ウィ": "wi", "ウェ": "we",
    "ウォ": "wo", "ヴァ": "va", "ヴィ": "vi", "ヴェ": "ve", "ヴォ": "vo", "シェ": "she",
    "ジェ": "je", "チェ": "che", "ツァ": "tsa",
}  # fmt: skip
_ROMAJI = (
    "a i u e o ka ki ku ke ko sa shi su se so ta chi tsu te to na ni nu ne no ha hi fu he "
    "ho ma mi mu me mo ya yu yo ra ri ru re ro wa o n ga gi gu ge go za ji zu ze zo da ji "
    "zu de do ba bi bu be bo pa pi pu pe po vu a i u e o ya yu yo"
)
_MORA = dict(
    zip(
        "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロ"
        "ワヲンガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポヴァィゥェォャュョ",
        _ROMAJI.split(),
        strict=True,
    )
)
_SKELETON_MAP = str.maketrans({"v": "b", "l": "r", "c": "k", "q": "k", "x": "ks"})


def _romanise(katakana: str) -> str:
    out, i = [], 0
    while i < len(katakana):
        pair = katakana[i : i + 2]
        if pair in _KANA:
            out.append(_KANA[pair])
            i += 2
            continue
        out.append(_MORA.get(katakana[i], ""))  # ッ and ー add no consonant of their own
        i += 1
    return "".join(out)


def skeleton(name: str) -> str:
    """Consonants of a name's romanisation, doubled letters collapsed (``f b r n``)."""
    text = entity_key(name)
    if _JAPANESE.search(text):
        text = _romanise(text)
    text = text.translate(_SKELETON_MAP)
    text = re.sub(r"(ts|sh|ch)", lambda m: m.group(1)[0], text)
    text = re.sub(r"[^a-z]|[aeiouyhw]", "", text)
    return re.sub(r"(.)\1+", r"\1", text)


def _aliases(forms: dict[str, Counter[str]]) -> dict[str, str]:
    """entity_key → the key of its entity: katakana and Latin spellings of a name joined."""
    by_skeleton: dict[str, list[str]] = {}
    for key in forms:
        bone = skeleton(key)
        if len(bone) >= 3:
            by_skeleton.setdefault(bone, []).append(key)
    alias = {key: key for key in forms}
    for keys in by_skeleton.values():
        scripts = {bool(_JAPANESE.search(k)) for k in keys}
        if len(keys) > 1 and scripts == {True, False}:  # one name in two scripts
            head = max(sorted(keys), key=lambda k: sum(forms[k].values()))
            alias.update({k: head for k in keys})
    return alias


# -- the lexicon ------------------------------------------------------------------------------
def _candidates(text: str) -> set[str]:
    text = nfkc(text)
    found = {m.group(0).strip() for pattern in _CANDIDATES for m in pattern.finditer(text)}
    # A capitalised word is a name when it sits in Japanese text, not in an English sentence.
    found |= {
        m.group(0)
        for m in _CAPITALISED.finditer(text)
        if _JAPANESE.match(text[m.start() - 1 : m.start()] or " ")
        or _JAPANESE.match(text[m.end() : m.end() + 1] or " ")
    }
    found |= {m.group(1).strip() for m in _QUOTED.finditer(text) if not _HIRAGANA.search(m[1])}
    return {name for name in found if len(entity_key(name)) >= 2}


def _is_ordinary_word(name: str) -> bool:
    """A katakana run SudachiPy knows as one common word (セキュリティ) is not a name."""
    if not re.fullmatch(f"{_KATAKANA}+", name):
        return False
    from assistant.feedback.tokens import analyse

    morphemes = analyse(name)
    return len(morphemes) == 1 and not morphemes[0][1]


@dataclass
class EntityLexicon:
    """Names → one display form each; ``find`` returns their spans in a (NFKC) text."""

    display: dict[str, str] = field(default_factory=dict)  # entity_key → shown name
    _pattern: re.Pattern[str] | None = None

    @classmethod
    def discover(
        cls, notes: Sequence[str], *, documents: Iterable[str] = (), names: Iterable[str] = ()
    ) -> EntityLexicon:
        """Names used in two or more ``notes``, or anywhere in ``documents``, plus ``names``."""
        in_notes: Counter[str] = Counter()  # entity_key → notes using it
        forms: dict[str, Counter[str]] = {}  # entity_key → spellings seen
        given: set[str] = set()

        def seen(found: Iterable[str]) -> None:
            for form in found:
                forms.setdefault(entity_key(form), Counter())[form] += 1

        for text in notes:
            found = _candidates(text)
            in_notes.update({entity_key(n) for n in found})
            seen(found)
        for text in documents:
            found = _candidates(text)
            given |= {entity_key(n) for n in found}
            seen(found)
        for name in names:
            if name and name.strip():
                given.add(entity_key(name))
                seen([nfkc(name).strip()])
        forms = {
            key: spellings
            for key, spellings in forms.items()
            if key in given or not _is_ordinary_word(spellings.most_common(1)[0][0])
        }
        alias = _aliases(forms)
        used: Counter[str] = Counter()
        for key, count in in_notes.items():
            if key in alias:
                used[alias[key]] += count
        keep = {alias[k] for k in given if k in alias} | {h for h, c in used.items() if c >= 2}
        return cls._shown({k: forms[k] for k, head in alias.items() if head in keep}, alias)

    @classmethod
    def _shown(cls, forms: dict[str, Counter[str]], alias: dict[str, str]) -> EntityLexicon:
        """One display name per entity: its most frequent spelling (ties: the first sorted)."""
        totals: dict[str, Counter[str]] = {}
        for key, counter in forms.items():
            totals.setdefault(alias[key], Counter()).update(counter)
        display = {}
        for key in forms:
            spellings = totals[alias[key]].most_common()
            display[key] = min(spellings, key=lambda fc: (-fc[1], fc[0]))[0]
        return cls(display=display)

    def __len__(self) -> int:
        return len(set(self.display.values()))

    def names(self) -> list[str]:
        return sorted(set(self.display.values()))

    def canonical(self, name: str) -> str | None:
        """The shown name of ``name`` (any spelling), or ``None`` when it is not a name."""
        return self.display.get(entity_key(name))

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, shown name)`` of every name in ``text`` (already NFKC), longest first."""
        if not self.display:
            return []
        if self._pattern is None:
            parts = sorted(self.display, key=len, reverse=True)
            self._pattern = re.compile(
                "|".join(_spelling_pattern(p) for p in parts), flags=re.IGNORECASE
            )
        out = []
        for match in self._pattern.finditer(text):
            shown = self.display.get(entity_key(match.group(0)))
            if shown:
                out.append((match.start(), match.end(), shown))
        return out


def _spelling_pattern(key: str) -> str:
    """A regex for every spelling with the same key (spaces or ・ between any letters)."""
    body = r"[\s・･\-‐]*".join(re.escape(c) for c in key)
    if key[:1].isascii() and key[:1].isalnum():
        body = r"(?<![A-Za-z0-9])" + body
    if key[-1:].isascii() and key[-1:].isalnum():
        body += r"(?![A-Za-z0-9])"
    return body
