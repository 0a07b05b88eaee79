"""OpenAI-shaped replies for ``httpx.MockTransport`` (no network, no sockets)."""

from __future__ import annotations

import json
from collections.abc import Callable

import httpx
from langchain_openai import ChatOpenAI

from assistant.llm import LLMClient

Handler = Callable[[httpx.Request], httpx.Response]


def completion(content: str | None = None, tool_args: dict | None = None) -> dict:
    message: dict = {"role": "assistant", "content": content}
    if tool_args is not None:
        message["tool_calls"] = [
            {
                "id": "call_1",
                "type": "function",
                "function": {"name": "Verdict", "arguments": json.dumps(tool_args)},
            }
        ]
    return {
        "id": "x",
        "object": "chat.completion",
        "created": 0,
        "model": "mock",
        "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 11, "completion_tokens": 3, "total_tokens": 14},
    }


def mock_client(
    handler: Handler, *, retries: int = 0, method: str = "auto", timeout: float = 5.0
) -> LLMClient:
    model = ChatOpenAI(
        model="mock-model",
        api_key="sk-test",  # type: ignore[arg-type]
        base_url="http://mock.local/v1",
        http_client=httpx.Client(transport=httpx.MockTransport(handler)),
        max_retries=retries,
        timeout=timeout,
    )
    return LLMClient(
        model, model_name="mock-model", endpoint="http://mock.local/v1", structured_method=method
    )
