"""Axis-side message and usage types, so callers never import LangChain."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from pydantic import BaseModel


class ChatMessage(BaseModel):
    role: Literal["system", "user", "assistant"]
    content: str


class TokenUsage(BaseModel):
    """Tokens as the server reported them (absent when it reports nothing)."""

    input_tokens: int
    output_tokens: int
    total_tokens: int

    @classmethod
    def from_langchain(cls, usage: Mapping[str, object]) -> TokenUsage:
        def num(key: str) -> int:
            value = usage.get(key, 0)
            return value if isinstance(value, int) else 0

        return cls(
            input_tokens=num("input_tokens"),
            output_tokens=num("output_tokens"),
            total_tokens=num("total_tokens"),
        )


def estimate_tokens(text: str) -> int:
    """A cautious count of a model's tokens: one per non-ASCII character, one per four ASCII
    ones (small models split Japanese finely), used to fit prompts into the context window."""
    ascii_chars = sum(1 for ch in text if ord(ch) < 128)
    return (len(text) - ascii_chars) + ascii_chars // 4 + 1
