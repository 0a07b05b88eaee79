"""Turning what the OpenAI client raises into Axis errors whose messages name the fix.

    openai.APITimeoutError       -> ServiceUnavailableError  (raise AXIS_LLM_TIMEOUT)
    openai.APIConnectionError    -> ServiceUnavailableError  (is the server running?)
    openai.AuthenticationError   -> ConfigError              (set OPENAI_API_KEY)
    openai.NotFoundError         -> ConfigError              (set AXIS_MODEL)
    openai.RateLimitError        -> ServiceUnavailableError  (try again later)
    openai.APIStatusError (5xx)  -> ServiceUnavailableError
    anything malformed           -> LLMResponseError

Only this package knows the OpenAI client's exception types; the chat code sees ``AxisError``.
"""

from __future__ import annotations

import re

import openai
from pydantic import ValidationError

from assistant.errors import AxisError, ConfigError, LLMResponseError, ServiceUnavailableError


def translate_error(exc: BaseException, *, endpoint: str, model: str) -> AxisError:
    """The ``AxisError`` that tells a user what went wrong with ``exc`` and what to do."""
    if isinstance(exc, AxisError):
        return exc
    if isinstance(exc, openai.APITimeoutError):
        return ServiceUnavailableError(
            f"The LLM at {endpoint} did not answer in time — is it overloaded? "
            "(raise AXIS_LLM_TIMEOUT, or use a smaller model)",
            service="llm",
            url=endpoint,
        )
    if isinstance(exc, openai.APIConnectionError):
        return ServiceUnavailableError(
            f"Cannot reach the LLM at {endpoint} — is the server running? "
            "(set OPENAI_BASE_URL, or AXIS_LLM=offline to answer without an LLM)",
            service="llm",
            url=endpoint,
        )
    if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
        return ConfigError(
            f"The LLM at {endpoint} rejected the API key — set a valid OPENAI_API_KEY"
        )
    if isinstance(exc, openai.NotFoundError):
        return ConfigError(
            f"The LLM at {endpoint} has no model '{model}' — set AXIS_MODEL to a model it "
            "serves (list them with `curl $OPENAI_BASE_URL/models`)"
        )
    if isinstance(exc, openai.RateLimitError):
        return ServiceUnavailableError(
            f"The LLM at {endpoint} is rate-limiting requests — try again in a minute",
            service="llm",
            url=endpoint,
        )
    if isinstance(exc, openai.APIStatusError) and exc.status_code >= 500:
        return ServiceUnavailableError(
            f"The LLM at {endpoint} failed with HTTP {exc.status_code} — check the server's log",
            service="llm",
            url=endpoint,
        )
    if isinstance(exc, openai.APIStatusError):
        message = _server_message(exc)
        hint = (
            " — the prompt does not fit the model's context window: set AXIS_CONTEXT_TOKENS to "
            "the server's context size (e.g. llama.cpp's --n_ctx)"
            if _CONTEXT.search(message)
            else ""
        )
        return LLMResponseError(
            f"The LLM at {endpoint} refused the request (HTTP {exc.status_code}): "
            f"{_short(message)}{hint}"
        )
    if "length limit was reached" in str(exc):  # structured output cut off mid-JSON
        return LLMResponseError(
            f"The LLM at {endpoint} stopped at the token limit before its answer was complete — "
            "raise AXIS_MAX_ANSWER_TOKENS (answers) or AXIS_MAX_DRAFT_TOKENS (drafts)"
        )
    if "No generation chunks" in str(exc):  # a stream that ended before any text
        return LLMResponseError(
            f"The LLM at {endpoint} returned no text (an empty or malformed response) — most "
            "often the prompt did not fit the server's context window: set AXIS_CONTEXT_TOKENS "
            "to its context size (e.g. llama.cpp's --n_ctx); otherwise check the server's log"
        )
    if isinstance(exc, openai.APIResponseValidationError | ValidationError | ValueError):
        return LLMResponseError(
            f"The LLM at {endpoint} returned a malformed response ({_short(str(exc))}) — "
            "try again, or a model that follows instructions better (AXIS_MODEL)"
        )
    return LLMResponseError(f"The LLM call to {endpoint} failed: {_short(str(exc))}")


_CONTEXT = re.compile(r"context (window|length)|maximum context|exceed.{0,40}context", re.I)


def _server_message(exc: openai.APIStatusError) -> str:
    body = exc.body
    if isinstance(body, dict) and isinstance(body.get("message"), str):
        return body["message"]
    return exc.message


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"
