"""Drafts through a real OpenAI-compatible server (llama.cpp, SmolLM2-135M): protocol only.

The tiny model proves that a draft's typed payload goes out and comes back through structured
output, that the result is rendered and checked like an offline draft, and that a regeneration
hands open review comments to the model and marks them addressed.  Not what the model writes.
"""

from __future__ import annotations

import pytest

from assistant.config import load_settings
from assistant.drafts import DraftRequest, generate
from assistant.llm import forget_capabilities, get_client
from assistant.llm.structured import methods_for
from assistant.review.service import ReviewService
from assistant.workspace import open_store
from tests.llm.conftest import MODEL_ALIAS

pytestmark = pytest.mark.integration


@pytest.fixture
def tiny_workspace(axis_home, tmp_path):  # type: ignore[no-untyped-def]
    """One short English note: something to draft from, small enough for a 2,048-token model."""
    from assistant.ingest.pipeline import ingest_paths

    note = tmp_path / "company.md"
    note.write_text("---\nkind: company\n---\nWe sell expense software to mid-sized firms.\n")
    settings = load_settings()
    ingest_paths(open_store(settings), [note])
    return settings


@pytest.fixture
def llm_env(llama_server: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("OPENAI_BASE_URL", llama_server)
    monkeypatch.setenv("AXIS_MODEL", MODEL_ALIAS)
    monkeypatch.setenv("AXIS_LLM_TIMEOUT", "240")
    forget_capabilities()
    return llama_server


def test_sla_draft_round_trips_through_structured_output(llm_env: str, tiny_workspace) -> None:  # type: ignore[no-untyped-def]
    settings = load_settings()
    store = open_store(settings)
    client = get_client(settings)
    assert client is not None
    offline = generate(settings, store, DraftRequest(kind="sla", lang="en"), client=None)
    draft = generate(settings, store, DraftRequest(kind="sla", lang="en"), client=client)
    assert draft.mode == client.label and draft.notice is None
    assert [s.key for s in draft.sections] == [s.key for s in offline.sections]
    # The server refused json_schema; what it accepted is remembered for the next draft.
    assert methods_for(client)[0] in ("function_calling", "json_mode")
    known = {c.ref for c in draft.citations} | {f.id for f in draft.facts}
    for section in draft.sections:
        assert set(section.refs) <= known  # invented refs were dropped, not kept


def test_regeneration_passes_open_comments_to_the_model(llm_env: str, tiny_workspace) -> None:  # type: ignore[no-untyped-def]
    settings = load_settings()
    service = ReviewService(settings, open_store(settings))
    record, _ = service.create(DraftRequest(kind="sla", lang="en"))
    comment = service.comment(record.id, "Name the owners.", section="owners")
    version = service.regenerate(record.id)
    assert version.number == 2 and "1 comment(s) as instructions" in version.note
    (stored,) = [c for c in service.view(record.id).comments if c.id == comment.id]
    assert stored.resolved_in == 2


def test_a_draft_too_big_for_the_model_is_refused_before_any_request(
    demo_home, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import httpx

    from assistant.errors import LLMResponseError
    from tests.llm.mock_server import completion, mock_client

    sent: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json=completion("{}"))

    client = mock_client(record)
    monkeypatch.setenv("AXIS_MAX_DRAFT_TOKENS", "1000")
    settings = load_settings()
    store = open_store(settings)
    with pytest.raises(LLMResponseError, match="AXIS_MAX_DRAFT_TOKENS"):
        generate(settings, store, DraftRequest(kind="messaging"), client=client)
    monkeypatch.setenv("AXIS_MAX_DRAFT_TOKENS", "4096")
    monkeypatch.setenv("AXIS_CONTEXT_TOKENS", "5000")
    with pytest.raises(LLMResponseError, match="AXIS_CONTEXT_TOKENS"):
        generate(load_settings(), store, DraftRequest(kind="sla"), client=client)
    assert sent == []
