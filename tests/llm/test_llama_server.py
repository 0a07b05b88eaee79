"""The wire protocol against a real OpenAI-compatible server (llama.cpp, SmolLM2-135M).

The model is tiny: these tests check chat, streaming, token usage, structured output (with
llama.cpp's refusal of ``json_schema`` and the fallback) and the failure paths — not what the
model says.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
from pydantic import BaseModel

from assistant.config import load_settings
from assistant.errors import ServiceUnavailableError
from assistant.llm import ChatMessage, forget_capabilities, get_client, structured
from assistant.llm.structured import methods_for
from tests.conftest import free_port
from tests.llm.conftest import MODEL_ALIAS

pytestmark = pytest.mark.integration
HELLO = [
    ChatMessage(role="system", content="You are brief."),
    ChatMessage(role="user", content="Say hello."),
]


class Pick(BaseModel):
    answer: str
    confidence: int


@pytest.fixture
def llm_env(llama_server: str, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("OPENAI_BASE_URL", llama_server)
    monkeypatch.setenv("AXIS_MODEL", MODEL_ALIAS)
    monkeypatch.setenv("AXIS_MAX_ANSWER_TOKENS", "32")
    monkeypatch.setenv("AXIS_CONTEXT_TOKENS", "2048")
    forget_capabilities()
    return llama_server


def test_chat_completion_reports_usage(llm_env: str) -> None:
    client = get_client(load_settings())
    assert client is not None
    text = client.complete(HELLO)
    assert text.strip()
    usage = client.last_usage
    assert usage is not None and usage.input_tokens > 5 and usage.output_tokens >= 1
    assert usage.output_tokens <= 32  # AXIS_MAX_ANSWER_TOKENS reaches llama.cpp as max_tokens
    assert usage.total_tokens == usage.input_tokens + usage.output_tokens


def test_streaming_yields_pieces_and_usage(llm_env: str) -> None:
    client = get_client(load_settings())
    assert client is not None
    pieces = list(client.stream(HELLO))
    assert len(pieces) >= 2 and "".join(pieces).strip()
    # llama-cpp-python's server reports no usage on streams (OpenAI does): Axis says "unknown"
    # rather than guessing.  If this starts failing, the server learned to report it.
    assert client.last_usage is None


def test_structured_output_falls_back_from_json_schema(llm_env: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("AXIS_MAX_ANSWER_TOKENS", "256")  # room for the whole JSON object
    client = get_client(load_settings())
    assert client is not None
    result = structured(client, Pick, [ChatMessage(role="user", content="Pick a colour.")])
    assert isinstance(result, Pick)
    # llama.cpp refused json_schema (HTTP 500); function calling is what it learned.
    assert methods_for(client) == ["function_calling"]


def test_structured_output_json_mode_with_schema(llm_env: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("AXIS_STRUCTURED_OUTPUT", "json_mode")
    monkeypatch.setenv("AXIS_MAX_ANSWER_TOKENS", "256")  # room for the whole JSON object
    client = get_client(load_settings())
    assert client is not None
    result = structured(client, Pick, [ChatMessage(role="user", content="Pick a colour.")])
    assert isinstance(result, Pick)


def test_json_schema_forced_is_a_clear_error(llm_env: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("AXIS_STRUCTURED_OUTPUT", "json_schema")
    monkeypatch.setenv("AXIS_LLM_MAX_RETRIES", "0")
    client = get_client(load_settings())
    assert client is not None
    with pytest.raises(ServiceUnavailableError, match="HTTP 500"):
        structured(client, Pick, [ChatMessage(role="user", content="Pick a colour.")])


# ~40 s here with other jobs running (240-440 s when four ran at once).
def test_grounded_turn_through_the_real_server(llm_env: str, settings) -> None:  # type: ignore[no-untyped-def]
    from assistant.chat import ChatService
    from assistant.retrieval import KnowledgeStore
    from tests.chat.helpers import seed

    settings = load_settings()
    service = ChatService(settings, seed(KnowledgeStore(settings)))
    turn = service.start("初期費用は?", lang="ja")  # small prompt: the host is slow
    pieces = list(turn)
    assert turn.answer is not None and turn.answer.mode == f"llm:{MODEL_ALIAS}"
    assert "".join(pieces).strip() == turn.answer.text
    messages = service.conversations.messages(turn.conversation_id)
    assert [m.role for m in messages] == ["user", "assistant"]


def test_server_down_is_exit_code_3(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("OPENAI_BASE_URL", f"http://127.0.0.1:{free_port()}/v1")
    monkeypatch.setenv("AXIS_LLM_MAX_RETRIES", "0")
    client = get_client(load_settings())
    assert client is not None
    with pytest.raises(ServiceUnavailableError, match="Cannot reach the LLM") as info:
        client.complete(HELLO)
    assert info.value.exit_code == 3


@pytest.fixture
def silent_server() -> Iterator[int]:
    """Accepts connections and never answers (a hung LLM server)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    held: list[socket.socket] = []
    stop = threading.Event()

    def serve() -> None:
        sock.settimeout(0.1)
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
                held.append(conn)
            except OSError:
                continue

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield sock.getsockname()[1]
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    sock.close()


def test_timeout_is_a_clear_error(silent_server: int, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("OPENAI_BASE_URL", f"http://127.0.0.1:{silent_server}/v1")
    monkeypatch.setenv("AXIS_LLM_TIMEOUT", "0.5")
    monkeypatch.setenv("AXIS_LLM_MAX_RETRIES", "0")
    client = get_client(load_settings())
    assert client is not None
    started = time.monotonic()
    with pytest.raises(ServiceUnavailableError, match="did not answer in time"):
        list(client.stream(HELLO))
    assert time.monotonic() - started < 5
