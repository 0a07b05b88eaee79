"""The conversation: routing, evidence, cited answers (with or without an LLM), verification.

``ChatService(settings, store).ask(question)`` is the whole of it; ``start`` streams.
Conversations persist in SQL (``ConversationStore``), written before the model is called.
"""

from assistant.chat.models import Answer
from assistant.chat.service import ChatService, Turn
from assistant.db.conversations import Conversation, ConversationStore, StoredMessage
from assistant.domain.grounding import AnswerWarning, Citation, Evidence, Fact

__all__ = [
    "Answer",
    "AnswerWarning",
    "ChatService",
    "Citation",
    "Conversation",
    "ConversationStore",
    "Evidence",
    "Fact",
    "StoredMessage",
    "Turn",
]
