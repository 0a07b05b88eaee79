"""The demo company ingested once per session; each test works on its own copy of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import KNOWLEDGE


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from assistant.config import load_settings
    from assistant.db.engine import dispose_all
    from assistant.ingest.pipeline import ingest_paths
    from assistant.retrieval.chroma_store import forget_clients
    from assistant.workspace import open_store

    home = tmp_path_factory.mktemp("drafts-demo")
    report = ingest_paths(open_store(load_settings(home=home)), [KNOWLEDGE])
    assert not report.rejected, report.rejected
    forget_clients()
    dispose_all()
    return home


@pytest.fixture
def demo_home(demo_template: Path, axis_home: Path) -> Path:
    """A private, writable copy of the ingested demo at this test's AXIS_HOME."""
    shutil.copytree(demo_template, axis_home)
    return axis_home


@pytest.fixture
def demo(demo_home: Path):  # type: ignore[no-untyped-def]
    """(settings, store) over the copied demo, no LLM."""
    from assistant.config import load_settings
    from assistant.workspace import open_store

    settings = load_settings(llm="offline")
    return settings, open_store(settings)
