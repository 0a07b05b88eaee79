"""The LLM seam: chat models by provider name, prompt files, structured output.

Only this package imports LangChain chat models or the OpenAI client; the chat code sees
``LLMClient``, ``ChatMessage`` and ``AxisError``s.  ``get_client(settings)`` is ``None`` when
no LLM is configured (the no-LLM mode).
"""

from assistant.errors import LLMResponseError, PromptError
from assistant.llm.errors import translate_error
from assistant.llm.prompts import Prompt, PromptRegistry, default_registry
from assistant.llm.providers import PROVIDERS, LLMClient, get_client
from assistant.llm.structured import forget_capabilities, structured
from assistant.llm.types import ChatMessage, TokenUsage

__all__ = [
    "PROVIDERS",
    "ChatMessage",
    "LLMClient",
    "LLMResponseError",
    "Prompt",
    "PromptError",
    "PromptRegistry",
    "TokenUsage",
    "default_registry",
    "forget_capabilities",
    "get_client",
    "structured",
    "translate_error",
]
