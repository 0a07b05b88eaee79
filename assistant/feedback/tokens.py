"""Japanese-aware tokens of a note: content words to compare, key phrases to label with.

SudachiPy (mode C) splits each line after the workspace's entity names (``entities.py``)
are cut out and kept whole.  Two lists per note:

* ``content`` — nouns, verbs, adjectives in normalised form (見積/見積もり and スマホ/スマート
  フォン are one word) and every entity name in its one shown spelling (ＦＡＢＲＩＮＡ, Fabrina
  and ファブリナ are one word): what clustering's TF-IDF half compares;
* ``label`` — key phrases: maximal runs of nouns, with their prefixes and suffixes
  (セキュリティ審査, 情報システム部門, 客室数課金), an entity name counting as one noun,
  a leading 形状詞 kept when a noun follows (スマート精算).  Numbers end a phrase (a label has
  no figures); meeting words (確認, 次回, 資料, …) are trimmed from the ends.  Each run also
  yields its leading and trailing sub-phrases, never cutting inside a name, so 大河会計オンプレ版
  also counts towards 大河会計 and オンプレ版.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.feedback.pii import PLACEHOLDER_RE
from assistant.feedback.wordlists import ENGLISH_STOP, STOP_LABEL_TERMS
from assistant.text.normalize import nfkc
from assistant.text.tokens import sudachi_tokenizer

_CONTENT_POS = ("名詞", "動詞", "形容詞", "形状詞")
_SKIP_SUBPOS = ("数詞", "非自立可能", "助数詞")
_URL = re.compile(r"https?://\S+|www\.\S+")
_ASCII_NOISE = re.compile(r"^[A-Za-z]$|^[\d.,%]+$")
_DIGIT = re.compile(r"\d")
MAX_TOKEN_CHARS = 2000
MAX_PHRASE_UNITS = 4


def _tokenizer():  # type: ignore[no-untyped-def]
    return sudachi_tokenizer()


@dataclass(frozen=True)
class NoteTokens:
    content: list[str]
    label: list[str]


def analyse(text: str) -> list[tuple[str, bool]]:
    """``(surface, is a name)`` per morpheme: a name is out of vocabulary or a proper noun."""
    return [
        (m.surface(), m.is_oov() or m.part_of_speech()[1] == "固有名詞")
        for m in _tokenizer().tokenize(nfkc(text))
    ]


def _form(morpheme) -> str:  # type: ignore[no-untyped-def]
    """Normalised form for comparing (スマホ = スマートフォン); Latin words as written
    (Sudachi turns "price" into プライス)."""
    surface = morpheme.surface().strip()
    if surface.isascii():
        return surface if surface.isupper() else surface.lower()
    return morpheme.normalized_form().strip()


@dataclass
class _Phrases:
    """Collects key phrases from a stream of units (morphemes and whole names)."""

    out: list[str]
    run: list[tuple[str, str]]  # (text, kind: name | noun | prefix | suffix | adjectival)

    def add(self, text: str, kind: str) -> None:
        self.run.append((text, kind))

    def end(self) -> None:
        run, self.run = self.run, []
        while run and run[0][0] in STOP_LABEL_TERMS:
            run = run[1:]
        while run and run[-1][0] in STOP_LABEL_TERMS:
            run = run[:-1]
        if not run:
            return
        seen = set()
        for size in range(1, min(len(run), MAX_PHRASE_UNITS) + 1):
            for part in (run[:size], run[-size:]):
                if part[0][1] == "suffix" or part[-1][1] in ("prefix", "adjectival"):
                    continue
                units = [text for text, _ in part]
                phrase = _join(units)
                if phrase not in seen and _keep(phrase, units):
                    seen.add(phrase)
                    self.out.append(phrase)


def _join(units: list[str]) -> str:
    out = units[0]
    for unit in units[1:]:
        spaced = out[-1:].isascii() and out[-1:].isalnum() and unit[:1].isascii()
        out += (" " if spaced else "") + unit
    return out


def _keep(phrase: str, units: list[str]) -> bool:
    if len(phrase) < 2 or phrase in STOP_LABEL_TERMS or phrase.lower() in ENGLISH_STOP:
        return False
    return not (len(units) == 1 and phrase.isascii() and phrase.islower())


def _unit_kind(
    pos: tuple[str, ...], next_pos: tuple[str, ...] | None, *, in_run: bool
) -> str | None:
    """Nouns (a counter noun such as 版 only after another noun), prefixes, noun suffixes,
    and a 形状詞 right before a noun; ``None`` ends the phrase."""
    if pos[0] == "名詞" and pos[1] != "数詞" and (in_run or pos[2] != "助数詞可能"):
        return "noun"
    if pos[0] == "接頭辞":
        return "prefix"
    if pos[0] == "接尾辞" and pos[1] == "名詞的" and in_run:
        return "suffix"
    if pos[0] == "形状詞" and next_pos is not None and next_pos[0] == "名詞":
        return "adjectival"
    return None


def _segment(line: str, lexicon) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    """The line cut into (text, None) pieces and (surface, shown name) entity pieces."""
    spans = lexicon.find(line) if lexicon is not None else []
    pieces: list[tuple[str, str | None]] = []
    at = 0
    for start, end, shown in spans:
        if start < at:
            continue
        if start > at:
            pieces.append((line[at:start], None))
        pieces.append((line[start:end], shown))
        at = end
    if at < len(line):
        pieces.append((line[at:], None))
    return pieces


def tokenize(text: str, lexicon=None) -> NoteTokens:  # type: ignore[no-untyped-def]
    """Content words and key phrases of one (redacted) note; placeholders and URLs dropped.

    ``lexicon`` is an ``EntityLexicon``: its names are kept whole in both lists.
    """
    text = PLACEHOLDER_RE.sub(" ", _URL.sub(" ", text))[:MAX_TOKEN_CHARS]
    content: list[str] = []
    phrases = _Phrases(out=[], run=[])
    for line in nfkc(text).splitlines():
        if not line.strip():
            continue
        for piece, shown in _segment(line, lexicon):
            morphemes = list(_tokenizer().tokenize(piece))
            if shown is not None:
                # One word, one spelling (ﾌｧﾌﾞﾘﾅ = FABRINA); a compound name (クラウドレシート)
                # keeps its words for comparing, as any compound does.
                if len(morphemes) == 1:
                    content.append(shown)
                else:
                    content += [_form(m) for m in morphemes if m.part_of_speech()[0] == "名詞"]
                phrases.add(shown, "name")
                continue
            for k, m in enumerate(morphemes):
                pos = m.part_of_speech()
                following = morphemes[k + 1].part_of_speech() if k + 1 < len(morphemes) else None
                surface = m.surface().strip()
                kind = _unit_kind(pos, following, in_run=bool(phrases.run))
                if surface and kind and not _DIGIT.search(surface):
                    phrases.add(surface, kind)
                else:
                    phrases.end()
                if pos[0] not in _CONTENT_POS or pos[1] in _SKIP_SUBPOS or pos[2] in _SKIP_SUBPOS:
                    continue
                form = _form(m)
                if form and not _ASCII_NOISE.match(form) and form not in ENGLISH_STOP:
                    content.append(form)
        phrases.end()
    return NoteTokens(content=content, label=phrases.out)
