"""Text that reads like instructions to an AI: found, reported, then treated as plain data.

Documents, pasted feedback and retrieved passages are user-supplied text, and a line such as
「以前の指示を無視して…」 or "ignore previous instructions" is either a test or an attack on
whatever model reads it later.  Axis never acts on it: a feedback note is still counted and
grouped like any other but is listed in ``flagged`` and never chosen as a quote; a chat
passage or draft quote is reported and kept out of what the model is told to follow.  This is
the one detector every part uses (chat, drafts, feedback).

Detection is by phrases, not by a model: it must work offline and be explainable.  The
phrases target the *instruction* shape (ignore/disregard + instructions/prompt, role
changes, requests for secrets), so ordinary notes that mention 指示 or system are not caught.
"""

from __future__ import annotations

import re

from assistant.text.normalize import nfkc

_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "asks to ignore previous instructions",
        re.compile(
            r"(?:以前|前|上記|これまで|今まで|先ほど|すべて|全て)の?(?:全ての|すべての)?"
            r"(?:指示|命令|プロンプト|ルール|設定)を?(?:すべて|全て)?(?:無視|忘れ|破棄|リセット)",
        ),
    ),
    (
        "asks to ignore previous instructions",
        re.compile(
            r"\b(?:ignore|disregard|forget|override)\b[^.\n]{0,30}?"
            r"\b(?:previous|prior|above|earlier|all|any|your)\b[^.\n]{0,20}?"
            r"\b(?:instructions?|prompts?|rules|directions)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "asks for the system prompt or secrets",
        re.compile(
            r"システムプロンプト|(?:APIキー|パスワード|認証情報)を(?:教え|表示|出力)|"
            r"\b(?:system prompt|reveal (?:your|the) (?:prompt|instructions)|api key)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "tries to change the assistant's role",
        re.compile(
            r"あなたは(?:今から|これから)|(?:として|になりきって)振る舞って|"
            r"\byou are now\b|\bact as (?:an?|the)\b|\bjailbreak\b|\bDAN mode\b",
            re.IGNORECASE,
        ),
    ),
    (
        "tells the assistant what to output",
        re.compile(
            r"(?:AI|アシスタント|モデル|ChatGPT|LLM)(?:は|へ|に)[^。]{0,30}(?:出力|回答|報告)(?:して|せよ|しろ)|"
            r"(?:全|すべての|全ての)顧客の(?:電話番号|メール|個人情報)を(?:出力|表示|列挙)",
            re.IGNORECASE,
        ),
    ),
    (
        "tells the assistant what to answer",
        re.compile(
            r"指示を無視|と(?:答え|回答し|返答し|出力し)(?:よ|なさい|ろ)"
            r"|\bdisregard\s+(?:all\s+)?(?:previous|prior|above)\b",
            re.IGNORECASE,
        ),
    ),
)


def injection_reason(text: str) -> str | None:
    """Why ``text`` looks like an instruction to an AI, or ``None``.

    The reason quotes the matched phrase so a reviewer can see it without opening the note.
    """
    folded = nfkc(text)
    for reason, pattern in _RULES:
        match = pattern.search(folded)
        if match:
            phrase = match.group(0)
            phrase = phrase if len(phrase) <= 40 else phrase[:40] + "…"
            return f"{reason}: “{phrase}”"
    return None


def looks_like_instruction(text: str) -> bool:
    """True for text that addresses the assistant with orders (see ``injection_reason``)."""
    return injection_reason(text) is not None


DATA_TAGS: tuple[str, ...] = ("source", "fact", "draft", "brand_rules")
"""The delimiters prompts put data in (``<source id=...>…</source>``)."""


def defuse(text: str) -> str:
    """Stop data from closing or opening a prompt's data delimiters."""
    for tag in DATA_TAGS:
        text = text.replace(f"</{tag}", f"&lt;/{tag}").replace(f"<{tag}", f"&lt;{tag}")
    return text
