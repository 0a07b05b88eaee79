"""Structured output picks the method the endpoint supports, and falls back when refused."""

from __future__ import annotations

import json

import httpx
import pytest
from pydantic import BaseModel, Field

from assistant.errors import LLMResponseError, ServiceUnavailableError
from assistant.llm import ChatMessage, forget_capabilities, structured
from tests.llm.mock_server import completion, mock_client


class Verdict(BaseModel):
    label: str = Field(description="One word.")
    score: int


ASK = [ChatMessage(role="user", content="判定して")]


@pytest.fixture(autouse=True)
def _fresh() -> None:
    forget_capabilities()


def _llama_like(seen: list[str]):  # type: ignore[no-untyped-def]
    """Like llama.cpp's server: json_schema is a 500, tools and json_object work."""

    def handler(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        fmt = (body.get("response_format") or {}).get("type")
        if fmt == "json_schema":
            seen.append("json_schema")
            return httpx.Response(500, json={"error": {"message": "json_schema unsupported"}})
        if body.get("tools"):
            seen.append("tools")
            return httpx.Response(200, json=completion(None, {"label": "ok", "score": 3}))
        seen.append(f"plain:{fmt}")
        assert body["response_format"]["schema"]["title"] == "Verdict"
        return httpx.Response(200, json=completion('{"label": "json", "score": 1}'))

    return handler


def test_auto_falls_back_from_json_schema_and_remembers() -> None:
    seen: list[str] = []
    client = mock_client(_llama_like(seen))
    assert structured(client, Verdict, ASK) == Verdict(label="ok", score=3)
    assert seen == ["json_schema", "tools"]
    assert structured(client, Verdict, ASK) == Verdict(label="ok", score=3)
    assert seen == ["json_schema", "tools", "tools"]  # no second probe


def test_json_mode_sends_the_schema() -> None:
    seen: list[str] = []
    client = mock_client(_llama_like(seen), method="json_mode")
    assert structured(client, Verdict, ASK) == Verdict(label="json", score=1)
    assert seen == ["plain:json_object"]


def test_a_configured_method_does_not_fall_back() -> None:
    client = mock_client(_llama_like([]), method="json_schema")
    with pytest.raises(ServiceUnavailableError, match="HTTP 500"):
        structured(client, Verdict, ASK)


def test_malformed_structured_reply_is_an_llm_error() -> None:
    def junk(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=completion("{not json"))

    with pytest.raises(LLMResponseError, match="malformed"):
        structured(mock_client(junk, method="json_mode"), Verdict, ASK)
