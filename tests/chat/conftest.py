from __future__ import annotations

import pytest

from tests.chat.helpers import seed


@pytest.fixture
def store(settings):  # type: ignore[no-untyped-def]
    from assistant.retrieval import KnowledgeStore

    return seed(KnowledgeStore(settings))
