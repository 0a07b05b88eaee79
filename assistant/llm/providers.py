"""Chat models by name: one registry, one client type the rest of Axis talks to.

``PROVIDERS`` maps a provider name (``AXIS_LLM``) to a factory that builds a LangChain chat
model from settings.  Every OpenAI-compatible server (OpenAI, Ollama, vLLM, llama.cpp, LM
Studio) is the ``openai`` provider with a different ``OPENAI_BASE_URL``: configuration, not a
new class.  Adding a provider is one entry here; the chat code never changes.

``LLMClient`` wraps the model with what Axis needs from any of them: streaming text, token
usage when the server reports it, structured output, and errors translated to ``AxisError``.
Timeouts and bounded retries with exponential backoff are the OpenAI client's own
(``AXIS_LLM_TIMEOUT``, ``AXIS_LLM_MAX_RETRIES``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage

from assistant.config import Settings
from assistant.errors import ConfigError
from assistant.llm.errors import translate_error
from assistant.llm.types import ChatMessage, TokenUsage

log = logging.getLogger(__name__)

ProviderFactory = Callable[[Settings], BaseChatModel]


def _openai(settings: Settings) -> BaseChatModel:
    from langchain_openai import ChatOpenAI

    # A local server needs no key, but the client insists on one: send a placeholder.
    key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else "no-key"
    # LangChain sends the limit as ``max_completion_tokens`` (OpenAI's current name);
    # OpenAI-compatible servers such as llama.cpp's only read ``max_tokens``, and a limit they
    # ignore is no limit.  OpenAI itself refuses both at once, so only for other servers.
    extra_body = (
        {"max_tokens": settings.max_answer_tokens}
        if settings.openai_base_url and "api.openai.com" not in settings.openai_base_url
        else None
    )
    return ChatOpenAI(
        model=settings.model,
        api_key=key,  # type: ignore[arg-type]
        base_url=settings.openai_base_url,
        timeout=settings.llm_timeout,
        max_retries=settings.llm_max_retries,
        max_tokens=settings.max_answer_tokens,  # type: ignore[call-arg]
        temperature=0.2,
        stream_usage=True,
        extra_body=extra_body,
    )


def _azure(settings: Settings) -> BaseChatModel:
    from langchain_openai import AzureChatOpenAI

    if not settings.azure_openai_endpoint:
        raise ConfigError(
            "AXIS_LLM=azure needs AZURE_OPENAI_ENDPOINT (https://<resource>.openai.azure.com)"
        )
    key = settings.azure_openai_api_key or settings.openai_api_key
    if key is None:
        raise ConfigError("AXIS_LLM=azure needs AZURE_OPENAI_API_KEY")
    return AzureChatOpenAI(
        azure_endpoint=settings.azure_openai_endpoint,
        azure_deployment=settings.azure_deployment or settings.model,
        api_version=settings.openai_api_version,
        api_key=key,
        timeout=settings.llm_timeout,
        max_retries=settings.llm_max_retries,
        max_tokens=settings.max_answer_tokens,  # type: ignore[call-arg]
        temperature=0.2,
        stream_usage=True,
    )


PROVIDERS: dict[str, ProviderFactory] = {"openai": _openai, "azure": _azure}


def endpoint_of(settings: Settings) -> str:
    if settings.llm_provider == "azure":
        return settings.azure_openai_endpoint or "(AZURE_OPENAI_ENDPOINT unset)"
    return settings.openai_base_url or "https://api.openai.com/v1"


def get_client(settings: Settings) -> LLMClient | None:
    """The configured chat model, or ``None`` when Axis runs without an LLM."""
    name = settings.llm_provider
    if name == "offline":
        return None
    factory = PROVIDERS.get(name)
    if factory is None:
        raise ConfigError(
            f"Unknown LLM provider {name!r} — set AXIS_LLM to offline or one of: "
            + ", ".join(sorted(PROVIDERS))
        )
    return LLMClient(
        factory(settings),
        model_name=settings.model,
        endpoint=endpoint_of(settings),
        structured_method=settings.structured_output,
    )


def to_langchain(messages: Sequence[ChatMessage]) -> list[BaseMessage]:
    kinds = {"system": SystemMessage, "user": HumanMessage, "assistant": AIMessage}
    return [kinds[m.role](content=m.content) for m in messages]


@dataclass
class LLMClient:
    """A chat model plus the seams Axis needs: streaming, usage, errors, structured output."""

    model: BaseChatModel
    model_name: str
    endpoint: str = "(in-process)"
    structured_method: str = "auto"
    last_usage: TokenUsage | None = field(default=None, init=False)

    @property
    def label(self) -> str:
        return f"llm:{self.model_name}"

    def stream(self, messages: Sequence[ChatMessage]) -> Iterator[str]:
        """Yield the answer's text as it arrives; ``last_usage`` is set once it ends."""
        self.last_usage = None
        try:
            for chunk in self.model.stream(to_langchain(messages)):
                usage = getattr(chunk, "usage_metadata", None)
                if usage:
                    self.last_usage = TokenUsage.from_langchain(usage)
                text = chunk.content if isinstance(chunk.content, str) else ""
                if text:
                    yield text
        except Exception as exc:
            raise translate_error(exc, endpoint=self.endpoint, model=self.model_name) from exc

    def complete(self, messages: Sequence[ChatMessage]) -> str:
        """The whole answer at once (same errors and usage as ``stream``)."""
        self.last_usage = None
        try:
            reply = self.model.invoke(to_langchain(messages))
        except Exception as exc:
            raise translate_error(exc, endpoint=self.endpoint, model=self.model_name) from exc
        usage = getattr(reply, "usage_metadata", None)
        if usage:
            self.last_usage = TokenUsage.from_langchain(usage)
        if not isinstance(reply.content, str):
            raise translate_error(
                ValueError("the reply has no text"), endpoint=self.endpoint, model=self.model_name
            )
        return reply.content
