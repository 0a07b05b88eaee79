"""Which documents a knowledge question is about, and the passages to answer it from.

A plain hybrid search over everything answers 「経理部長がよく挙げる反論は?」 with whatever
chunk says 経理部長 most often — another persona's decision-maker list, a sales note — rather
than the objections in the 経理部長 persona.  Two rules fix most of that:

* a document the question *names* is searched first: a persona by its ``persona`` metadata
  (``where={"persona": ...}``), a competitor or any other document by its metadata value,
  title or file name.  Names match loosely — 「クラウドレシートプラス」 names
  「クラウドレシートPlus」, 「BizFlow」 names ``bizflow-keihi.md`` — because people do not
  type names the way documents spell them.  Playbooks and notes have titles that describe a
  topic rather than name a thing, so they are never named this way;
* a knowledge question is answered from documents, not from sales notes or KPI rows
  (those have their own intents, with their own answers); when the router saw words that
  point to a kind (「判定基準」 -> playbook), the best passages of that kind come next.

Only the user's question is read to decide this, never retrieved text.
"""

from __future__ import annotations

import re
import threading
import weakref
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import PurePosixPath

from assistant.domain import Chunk, SearchResult
from assistant.retrieval import KnowledgeStore
from assistant.text.normalize import fold

NOT_DOCUMENTS = frozenset({"feedback", "kpi"})
_ENTITY_KEYS = ("persona", "competitor", "product", "company")
# Kinds whose titles describe a topic (「マーケティング・営業 月次定例 議事メモ」) rather than
# name a thing: their titles are not names, or 「マーケティング部の人数は?」 would name the minutes.
_TOPIC_KINDS = frozenset({"playbook", "note"})
_CORPORATE = re.compile(r"株式会社|有限会社|\(株\)")
_SPLIT = re.compile(r"[\s()\[\]{}「」『』【】:;,、。/|・]+")
_FILE_SPLIT = re.compile(r"[-_.\s]+")
_LATIN_WORD = re.compile(r"[a-z0-9]+")
_MIN_SHARE = 0.65  # share of a name that must appear in the question, as one run
_MIN_RUN = 4
# Searches inside a named document or a kind rank by BM25 alone: the general hybrid search
# already embeds the question, and one embedding per question keeps answers fast (measured:
# same groundedness, p50 ~170 ms -> ~90 ms per document question on two busy cores).
_FOCUSED = "bm25"
_GENERAL_DEPTH = 4  # general search looks this many times deeper, then drops non-documents


@dataclass(frozen=True)
class Name:
    source: str
    part: str
    key: str | None  # metadata key it came from ("persona", …); None for titles and file names
    value: str | None


@dataclass(frozen=True)
class Named:
    """A document the question names, and how much of its name the question contains."""

    source: str
    share: float
    key: str | None
    value: str | None


def document_names_of(meta: Mapping[str, object], kind: str) -> list[str]:
    """The names a chunk's metadata gives its document (entity names, then a naming title)."""
    keys = _ENTITY_KEYS if kind in _TOPIC_KINDS else (*_ENTITY_KEYS, "title")
    return [v for key in keys if isinstance(v := meta.get(key), str) and v]


def name_parts(value: str) -> list[str]:
    """The pieces of a name a question may use: 「経理部長 佐藤さん」 -> 経理部長, 佐藤さん."""
    value = _CORPORATE.sub(" ", fold(value))
    out = []
    for part in _SPLIT.split(value):
        part = part.strip("-")
        if len(part) >= 4 or (part.isascii() and len(part) >= 3):
            out.append(part)
    return out


def _document_names(chunks: Sequence[Chunk]) -> list[Name]:
    names: dict[tuple[str, str], Name] = {}
    for chunk in chunks:
        source, kind, meta = chunk.source, chunk.kind, chunk.metadata
        if kind in NOT_DOCUMENTS:
            continue
        for key in (*_ENTITY_KEYS, "title"):
            value = meta.get(key)
            if value not in document_names_of(meta, kind):
                continue
            for part in name_parts(str(value)):
                entity = key if key != "title" else None
                names.setdefault((source, part), Name(source, part, entity, str(value)))
        for part in file_words(source, kind).split():
            names.setdefault((source, part), Name(source, part, None, None))
    return list(names.values())


def file_words(source: str, kind: str) -> str:
    """The Latin words of a file name that can name it: ``bizflow-keihi.md`` -> bizflow keihi
    (none for playbooks and notes, whose file names describe a topic)."""
    if kind in _TOPIC_KINDS:
        return ""
    stem = fold(PurePosixPath(source).stem)
    return " ".join(p for p in _FILE_SPLIT.split(stem) if p.isascii() and len(p) >= 5)


# Per store snapshot (one catalog generation of one workspace), dropped with the snapshot.
_cache: weakref.WeakKeyDictionary[object, list[Name]] = weakref.WeakKeyDictionary()
_cache_lock = threading.Lock()


def document_names(store: KnowledgeStore) -> list[Name]:
    """Every name a document can be called by (computed once per store generation)."""
    snapshot = store.snapshot()
    with _cache_lock:
        names = _cache.get(snapshot)
    if names is None:
        names = _document_names(snapshot.chunks())
        with _cache_lock:
            _cache[snapshot] = names
    return names


def share_in(part: str, question: str) -> float:
    """How much of name ``part`` a normalized question contains as one run (0: too little)."""
    if part.isascii():
        return 1.0 if part in _LATIN_WORD.findall(question) else 0.0
    if part in question:
        return 1.0
    match = SequenceMatcher(None, question, part, autojunk=False).find_longest_match(
        0, len(question), 0, len(part)
    )
    share = match.size / len(part)
    return share if match.size >= _MIN_RUN and share >= _MIN_SHARE else 0.0


def named_in(question: str, names: Iterable[str]) -> list[str]:
    """The parts of ``names`` that ``question`` uses, as the question spells them."""
    q = fold(question)
    found = []
    for name in names:
        for part in name_parts(name):
            if share_in(part, q):
                found.append(part if part in q else _longest_common(q, part))
    return found


def _longest_common(question: str, part: str) -> str:
    m = SequenceMatcher(None, question, part, autojunk=False).find_longest_match(
        0, len(question), 0, len(part)
    )
    return question[m.a : m.a + m.size]


def named_documents(question: str, store: KnowledgeStore) -> list[Named]:
    """Documents the question names, best first (entity names before titles and files)."""
    q = fold(question)
    best: dict[str, Named] = {}
    for name in document_names(store):
        share = share_in(name.part, q)
        if not share:
            continue
        found = Named(name.source, share + (0.5 if name.key else 0.0), name.key, name.value)
        if name.source not in best or found.share > best[name.source].share:
            best[name.source] = found
    return sorted(best.values(), key=lambda n: -n.share)


def document_search(
    question: str, store: KnowledgeStore, *, k: int, kinds: Sequence[str] = ()
) -> list[SearchResult]:
    """The ``k`` passages to answer a knowledge question from: documents the question names
    first, then the best of the ``kinds`` it points to, then the best documents overall."""
    named = named_documents(question, store)
    top = [n for n in named if n.share >= named[0].share - 0.25][:2] if named else []
    results: list[SearchResult] = []
    for doc in top:
        # A persona is found by its metadata (a persona file may hold several personas).
        where = {"persona": doc.value} if doc.key == "persona" and doc.value else None
        source = None if where else doc.source
        per_doc = max(2, (k - 1) // len(top))
        results += store.search(question, k=per_doc, source=source, where=where, mode=_FOCUSED)
    for kind in kinds[:2] if not top else ():
        per_kind = max(2, (k - 1) // min(2, len(kinds)))
        results += store.search(question, k=per_kind, kind=kind, mode=_FOCUSED)
    general = store.search(question, k=k * _GENERAL_DEPTH)
    documents = [r for r in general if r.kind not in NOT_DOCUMENTS] or general
    unique = {r.chunk_id: r for r in [*results, *documents]}  # first occurrence wins the order
    return list(unique.values())[:k]
