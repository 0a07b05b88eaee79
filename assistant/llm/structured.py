"""Structured output (a pydantic model back from the LLM), by whatever method the endpoint has.

Servers differ: OpenAI takes ``response_format`` of type ``json_schema``; llama.cpp's server
answers that with HTTP 500 but accepts function calling and ``json_object`` with a schema;
some servers only do JSON mode.  ``AXIS_STRUCTURED_OUTPUT`` picks one method, or ``auto``
tries them in order (json_schema → function_calling → json_mode), falling back only when the
server *refuses* a method (HTTP 400/422/500/501), and remembers per endpoint and model which
one worked so the probe costs one failed request per process, not one per call.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Sequence
from typing import TypeVar

import openai
from pydantic import BaseModel

from assistant.llm.errors import translate_error
from assistant.llm.providers import LLMClient, to_langchain
from assistant.llm.types import ChatMessage

log = logging.getLogger(__name__)
T = TypeVar("T", bound=BaseModel)

METHODS: tuple[str, ...] = ("json_schema", "function_calling", "json_mode")
_REFUSED_STATUS = frozenset({400, 422, 500, 501})
_known: dict[tuple[str, str], str] = {}
_known_lock = threading.Lock()
_FENCE = re.compile(r"^```(?:json)?\s*|\s*```$", re.MULTILINE)


def methods_for(client: LLMClient) -> list[str]:
    """Methods to try, best first: the configured one, or the one known to work, then the rest."""
    if client.structured_method != "auto":
        return [client.structured_method]
    with _known_lock:
        known = _known.get((client.endpoint, client.model_name))
    return [known] if known else list(METHODS)


def forget_capabilities() -> None:
    """Drop what was learned about endpoints (tests, or after switching servers)."""
    with _known_lock:
        _known.clear()


def structured(client: LLMClient, schema: type[T], messages: Sequence[ChatMessage]) -> T:
    """Ask for an instance of ``schema``; errors are ``AxisError``s naming the fix."""
    last: BaseException | None = None
    for method in methods_for(client):
        try:
            result = _call(client, schema, messages, method)
        except Exception as exc:
            if client.structured_method == "auto" and _refused(exc):
                log.info("%s refused structured output by %s: %s", client.endpoint, method, exc)
                last = exc
                continue
            raise translate_error(exc, endpoint=client.endpoint, model=client.model_name) from exc
        with _known_lock:
            _known[(client.endpoint, client.model_name)] = method
        return result
    assert last is not None
    raise translate_error(last, endpoint=client.endpoint, model=client.model_name) from last


def _refused(exc: BaseException) -> bool:
    return isinstance(exc, openai.APIStatusError) and exc.status_code in _REFUSED_STATUS


def _call(client: LLMClient, schema: type[T], messages: Sequence[ChatMessage], method: str) -> T:
    if method == "json_mode":
        return _json_mode(client, schema, messages)
    runnable = client.model.with_structured_output(schema, method=method)  # type: ignore[arg-type]
    result = runnable.invoke(to_langchain(messages))
    if isinstance(result, dict):  # some LangChain paths hand back the raw arguments
        return schema.model_validate(result)
    if not isinstance(result, schema):
        raise ValueError(f"expected {schema.__name__}, got {type(result).__name__}")
    return result


def _json_mode(client: LLMClient, schema: type[T], messages: Sequence[ChatMessage]) -> T:
    """``json_object`` with the schema attached (llama.cpp uses it as a grammar) and stated."""
    json_schema = schema.model_json_schema()
    instruction = ChatMessage(
        role="system",
        content="Reply with one JSON object that matches this JSON schema, nothing else:\n"
        + json.dumps(json_schema, ensure_ascii=False),
    )
    bound = client.model.bind(response_format={"type": "json_object", "schema": json_schema})
    reply = bound.invoke(to_langchain([*messages, instruction]))
    text = reply.content if isinstance(reply.content, str) else ""
    return schema.model_validate_json(_FENCE.sub("", text.strip()))
