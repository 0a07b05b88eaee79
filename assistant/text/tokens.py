"""Japanese-aware tokens for BM25.

Japanese has no spaces, so whitespace tokenisation finds nothing.  Two families are
available and measured against each other by ``bench/retrieval.py``:

* ``unibigram`` — every character and overlapping character pair, whitespace removed.
* ``bigram`` — overlapping character bigrams over runs of Japanese text, plus whole words for
  runs of Latin letters and digits.  No dictionary, robust to unknown product names and
  typos, fast.
* ``sudachi`` — SudachiPy morphemes (split mode C, normalised forms), dropping particles,
  auxiliaries and symbols.

The winner on JSQuAD is the default (see README "Retrieval").
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from functools import lru_cache

from assistant.text.normalize import fold

# Runs of Latin letters/digits (kept whole) vs everything that is not whitespace/punctuation.
_WORD = re.compile(r"[a-z0-9]+(?:[._'-][a-z0-9]+)*")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u30fc々〆ヶ]+")


def run_bigrams(run: str) -> list[str]:
    """Overlapping character pairs of a run of Japanese text; a lone character stays whole."""
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def bigram_tokens(text: str) -> list[str]:
    """Character bigrams inside Japanese runs (a lone character stays a unigram)."""
    text = fold(text)
    tokens: list[str] = _WORD.findall(text)
    for run in _CJK.findall(text):
        tokens.extend(run_bigrams(run))
    return tokens


_WHITESPACE = re.compile(r"\s+")


def unibigram_tokens(text: str) -> list[str]:
    """Every character and every adjacent character pair, whitespace removed.

    Unigrams let a one-kanji query term (税, 円) match; bigrams carry word-like precision.
    Digits and Latin letters are n-grammed too: ``1964年`` shares ``64`` and ``4年`` with a query.
    On JSQuAD this beat word-level Latin tokens, bigrams alone and SudachiPy morphemes.
    """
    s = _WHITESPACE.sub("", fold(text))
    return list(s) + [s[i : i + 2] for i in range(len(s) - 1)]


_sudachi_local = threading.local()
_SUDACHI_DROP = ("助詞", "助動詞", "補助記号", "空白", "記号")


def sudachi_tokenizer():  # type: ignore[no-untyped-def]
    """One SudachiPy tokenizer (core dictionary, mode C) per thread: Streamlit serves
    sessions from threads and a tokenizer is not thread-safe."""
    tok = getattr(_sudachi_local, "tokenizer", None)
    if tok is None:
        from sudachipy import Dictionary, SplitMode

        tok = Dictionary(dict="core").tokenizer(mode=SplitMode.C)
        _sudachi_local.tokenizer = tok
    return tok


def sudachi_tokens(text: str) -> list[str]:
    """Content morphemes in normalised form (SudachiPy, mode C)."""
    text = fold(text)
    out: list[str] = []
    # Sudachi refuses inputs over ~49 KB; feed it line by line.
    for line in text.splitlines():
        if not line.strip():
            continue
        for m in sudachi_tokenizer().tokenize(line[:10000]):
            if m.part_of_speech()[0] in _SUDACHI_DROP:
                continue
            form = m.normalized_form().strip()
            if form:
                out.append(form)
    return out


TOKENIZERS: dict[str, Callable[[str], list[str]]] = {
    "unibigram": unibigram_tokens,
    "bigram": bigram_tokens,
    "sudachi": sudachi_tokens,
}
DEFAULT_TOKENIZER = "unibigram"
# Bumped whenever a tokenizer's output changes, so stored tokens are redone once.
_VERSIONS: dict[str, int] = {"unibigram": 2, "bigram": 1, "sudachi": 1}


def tokenizer_tag(name: str) -> str:
    """The name stored with a workspace's tokens: tokenizer plus its output version."""
    return f"{name}@{_VERSIONS.get(name, 1)}"


@lru_cache(maxsize=8)
def get_tokenizer(name: str) -> Callable[[str], list[str]]:
    from assistant.errors import ConfigError

    try:
        return TOKENIZERS[name]
    except KeyError:
        raise ConfigError(
            f"Unknown tokenizer {name!r} — use one of {', '.join(sorted(TOKENIZERS))}"
        ) from None
