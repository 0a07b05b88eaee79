"""Helpers for loader tests: write a file under tmp_path and load it with a display source."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.domain import LoadedFile
from assistant.ingest import load_file

WriteFn = Callable[..., Path]
LoadFn = Callable[..., LoadedFile]


@pytest.fixture
def write(tmp_path: Path) -> WriteFn:
    """``write(name, content, encoding="utf-8")``: text is encoded, bytes written as-is."""

    def _write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode(encoding) if isinstance(content, str) else content)
        return path

    return _write


@pytest.fixture
def load(write: WriteFn) -> LoadFn:
    """``load(name, content, encoding=..., **load_file_kwargs)`` with source ``knowledge/NAME``."""

    def _load(name: str, content: str | bytes, encoding: str = "utf-8", **kwargs) -> LoadedFile:
        return load_file(write(name, content, encoding), source=f"knowledge/{name}", **kwargs)

    return _load
