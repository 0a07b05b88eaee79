"""Draft tests work on a private copy of the demo company (see ``demo_home`` in tests/conftest)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def demo(demo_home: Path):  # type: ignore[no-untyped-def]
    """(settings, store) over the copied demo, no LLM."""
    from assistant.config import load_settings
    from assistant.workspace import open_store

    settings = load_settings(llm="offline")
    return settings, open_store(settings)
