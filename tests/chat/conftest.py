from __future__ import annotations

import pytest


@pytest.fixture
def store(seeded_store):  # type: ignore[no-untyped-def]
    return seeded_store
