"""The one fake chat model the tests share: it replies from a queue and records every list of
messages it was sent, so a test asserts on what Axis told the model (and a fake whose server
is down, for the error path)."""

from __future__ import annotations

from typing import Any

import httpx
import openai
from langchain_core.language_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, BaseMessage
from pydantic import Field

from assistant.llm import LLMClient


class RecordingFake(GenericFakeChatModel):
    """Replies from a queue and keeps every list of messages it was sent."""

    seen: list[list[BaseMessage]] = Field(default_factory=list)

    def _generate(self, messages: list[BaseMessage], stop: Any = None, **kwargs: Any):  # type: ignore[no-untyped-def, override]
        self.seen.append(list(messages))
        return super()._generate(messages, stop=stop, **kwargs)


class DownFake(GenericFakeChatModel):
    """A model whose server cannot be reached."""

    def _generate(self, messages: list[BaseMessage], stop: Any = None, **kwargs: Any):  # type: ignore[no-untyped-def, override]
        raise openai.APIConnectionError(request=httpx.Request("POST", "http://127.0.0.1:9/v1"))


def fake_client(*replies: str) -> tuple[LLMClient, RecordingFake]:
    model = RecordingFake(messages=iter([AIMessage(content=r) for r in replies]))
    return LLMClient(model, model_name="fake", endpoint="http://fake/v1"), model


def down_client() -> LLMClient:
    return LLMClient(
        DownFake(messages=iter([])), model_name="fake", endpoint="http://127.0.0.1:9/v1"
    )
