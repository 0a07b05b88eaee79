"""The Streamlit app served on 127.0.0.1 for a browser test, and how chromium is launched."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import ROOT, free_port, wait_for_port

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--headless=new",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@contextmanager
def serve_app(home: Path) -> Iterator[str]:
    """``streamlit run ui/app.py`` on a free port with ``AXIS_HOME=home``; stopped after."""
    if not Path(CHROMIUM).exists():
        pytest.fail(
            "Debian's chromium is missing — `make test` installs it (apt-get install chromium)"
        )
    port = free_port()
    env = {**os.environ, "AXIS_HOME": str(home)}
    streamlit = Path(sys.executable).with_name("streamlit")
    log = (home.parent / "streamlit.log").open("wb")
    proc = subprocess.Popen(
        [
            str(streamlit), "run", str(ROOT / "ui" / "app.py"),
            "--server.address", "127.0.0.1", "--server.port", str(port),
            "--server.headless", "true", "--browser.gatherUsageStats", "false",
        ],
        env=env, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT,
    )  # fmt: skip
    try:
        wait_for_port(port, timeout=60, proc=proc)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
