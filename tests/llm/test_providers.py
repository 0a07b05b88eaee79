"""The provider registry and every failure a server can hand back, as clear Axis errors."""

from __future__ import annotations

import json

import httpx
import pytest

from assistant.config import load_settings
from assistant.errors import ConfigError, LLMResponseError, ServiceUnavailableError
from assistant.llm import PROVIDERS, ChatMessage, get_client
from tests.llm.mock_server import completion, mock_client

HELLO = [ChatMessage(role="user", content="こんにちは")]


def test_offline_by_default_and_openai_when_a_base_url_is_set(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert get_client(load_settings()) is None
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:8080/v1")
    monkeypatch.setenv("AXIS_MODEL", "smollm2")
    monkeypatch.setenv("AXIS_LLM_TIMEOUT", "7")
    client = get_client(load_settings())
    assert client is not None
    assert (client.label, client.endpoint) == ("llm:smollm2", "http://127.0.0.1:8080/v1")
    assert client.model.request_timeout == 7.0  # type: ignore[attr-defined]
    assert client.model.max_retries == 2  # type: ignore[attr-defined]


def test_azure_needs_its_endpoint(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("AXIS_LLM", "azure")
    with pytest.raises(ConfigError, match="AZURE_OPENAI_ENDPOINT"):
        get_client(load_settings())
    monkeypatch.setenv("AZURE_OPENAI_ENDPOINT", "https://axis.openai.azure.com")
    monkeypatch.setenv("AZURE_OPENAI_API_KEY", "k")
    monkeypatch.setenv("AXIS_AZURE_DEPLOYMENT", "gpt4o")
    client = get_client(load_settings())
    assert client is not None and client.endpoint == "https://axis.openai.azure.com"
    assert type(client.model).__name__ == "AzureChatOpenAI"


def test_registry_names_the_providers() -> None:
    assert sorted(PROVIDERS) == ["azure", "openai"]


def test_completion_and_usage() -> None:
    client = mock_client(lambda r: httpx.Response(200, json=completion("はい、こんにちは")))
    assert client.complete(HELLO) == "はい、こんにちは"
    assert client.last_usage is not None
    assert (client.last_usage.input_tokens, client.last_usage.output_tokens) == (11, 3)


def _status(code: int, message: str = "boom"):  # type: ignore[no-untyped-def]
    return lambda r: httpx.Response(code, json={"error": {"message": message}})


@pytest.mark.parametrize(
    ("handler", "error", "match"),
    [
        (_status(401), ConfigError, "rejected the API key — set a valid OPENAI_API_KEY"),
        (
            _status(404, "model not found"),
            ConfigError,
            "has no model 'mock-model' — set AXIS_MODEL",
        ),
        (_status(500), ServiceUnavailableError, "failed with HTTP 500"),
        (_status(400, "bad things"), LLMResponseError, r"refused the request \(HTTP 400\): bad"),
        (
            lambda r: httpx.Response(200, text="<html>not json"),
            LLMResponseError,
            "malformed|failed",
        ),
    ],
)
def test_server_errors_become_axis_errors(handler, error, match) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(error, match=match):
        mock_client(handler).complete(HELLO)
    with pytest.raises(error, match=match):
        list(mock_client(handler).stream(HELLO))


def test_timeout_names_the_setting() -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    with pytest.raises(ServiceUnavailableError, match="did not answer in time.*AXIS_LLM_TIMEOUT"):
        mock_client(slow).complete(HELLO)


def test_server_down_names_the_url_and_exit_code_3() -> None:
    def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    with pytest.raises(
        ServiceUnavailableError, match="Cannot reach the LLM at http://mock.local/v1"
    ) as info:
        mock_client(down).complete(HELLO)
    assert info.value.exit_code == 3


def test_transient_failures_are_retried_a_bounded_number_of_times() -> None:
    calls: list[str] = []

    def flaky(request: httpx.Request) -> httpx.Response:
        calls.append(json.loads(request.content)["model"])
        if len(calls) == 1:
            return httpx.Response(503, json={"error": {"message": "busy"}})
        return httpx.Response(200, json=completion("ok"))

    assert mock_client(flaky, retries=1).complete(HELLO) == "ok"
    assert len(calls) == 2

    calls.clear()
    with pytest.raises(ServiceUnavailableError, match="HTTP 503"):
        mock_client(_status(503), retries=1).complete(HELLO)


def test_answer_limit_also_goes_as_max_tokens_to_compatible_servers(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from assistant.drafts.generate import draft_client

    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:8080/v1")
    monkeypatch.setenv("AXIS_MAX_ANSWER_TOKENS", "300")
    monkeypatch.setenv("AXIS_MAX_DRAFT_TOKENS", "5000")
    chat = get_client(load_settings())
    draft = draft_client(load_settings())
    assert chat is not None and draft is not None
    # llama.cpp's server ignores max_completion_tokens (LangChain's name for the limit).
    assert chat.model.extra_body == {"max_tokens": 300}  # type: ignore[attr-defined]
    assert draft.model.extra_body == {"max_tokens": 5000}  # type: ignore[attr-defined]
    # OpenAI itself refuses both names at once: only the standard one goes there.
    monkeypatch.delenv("OPENAI_BASE_URL")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    openai_client = get_client(load_settings())
    assert openai_client is not None and not openai_client.model.extra_body  # type: ignore[attr-defined]


def test_a_prompt_too_long_for_the_server_names_the_setting() -> None:
    too_long = _status(400, "Requested tokens (2300) exceed context window of 2048")
    client = mock_client(too_long)
    with pytest.raises(LLMResponseError, match="AXIS_CONTEXT_TOKENS"):
        client.complete(HELLO)
    from assistant.llm.errors import translate_error

    empty = translate_error(
        ValueError("No generation chunks were returned"), endpoint="http://x/v1", model="m"
    )
    assert "returned no text" in str(empty) and "AXIS_CONTEXT_TOKENS" in str(empty)


def test_an_answer_cut_at_the_token_limit_names_the_settings() -> None:
    from assistant.llm.errors import translate_error

    cut = translate_error(
        ValueError("Could not parse response content as the length limit was reached"),
        endpoint="http://x/v1",
        model="m",
    )
    assert "AXIS_MAX_ANSWER_TOKENS" in str(cut) and "AXIS_MAX_DRAFT_TOKENS" in str(cut)
