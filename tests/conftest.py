"""Hermetic by default: every test gets its own AXIS_HOME and no LLM or Chroma server."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
KNOWLEDGE = ROOT / "knowledge"

# Every variable Axis or the OpenAI/Azure clients read: none may leak in from the machine.
_ENV_PREFIXES = ("AXIS_", "OPENAI_", "AZURE_")


@pytest.fixture(autouse=True)
def axis_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "axis-home"
    for name in [n for n in os.environ if n.startswith(_ENV_PREFIXES)]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("AXIS_HOME", str(home))
    yield home
    from assistant.db.engine import dispose_all
    from assistant.retrieval.chroma_store import forget_clients

    forget_clients()
    dispose_all()


@pytest.fixture
def settings(axis_home: Path):  # type: ignore[no-untyped-def]
    from assistant.config import load_settings

    return load_settings()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_port(port: int, *, timeout: float, proc: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server exited early with code {proc.returncode}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise TimeoutError(f"nothing listening on 127.0.0.1:{port} after {timeout}s")


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """A real `chroma run` on loopback, stopped after the session."""
    port = free_port()
    data = tmp_path_factory.mktemp("chroma-server")
    chroma = Path(sys.executable).with_name("chroma")
    log = (data / "server.log").open("wb")
    proc = subprocess.Popen(
        [
            str(chroma),
            "run",
            "--path",
            str(data / "db"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for_port(port, timeout=60, proc=proc)
        yield "127.0.0.1", port
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo company ingested once per session (copy it with ``demo_home`` to write)."""
    from assistant.config import load_settings
    from assistant.db.engine import dispose_all
    from assistant.ingest.pipeline import ingest_paths
    from assistant.retrieval.chroma_store import forget_clients
    from assistant.workspace import open_store

    home = tmp_path_factory.mktemp("demo")
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
    """(settings, store) over a private copy of the demo, no LLM."""
    from assistant.config import load_settings
    from assistant.workspace import open_store

    settings = load_settings(llm="offline")
    return settings, open_store(settings)


@pytest.fixture
def seeded_store(settings):  # type: ignore[no-untyped-def]
    """A tiny workspace (a KPI file, a product page, three sales notes): see tests/chat/helpers."""
    from assistant.retrieval import KnowledgeStore
    from tests.chat.helpers import seed

    return seed(KnowledgeStore(settings))
