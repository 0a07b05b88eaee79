"""A director opens a draft from a link (``/review?id=N``) and approves it, in real chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import ARTIFACTS, CHROMIUM, LAUNCH_ARGS, serve_app

pytestmark = pytest.mark.e2e


@pytest.fixture
def drafted(demo_home: Path) -> int:
    """The demo ingested at AXIS_HOME and one SLA draft made through the service."""
    from assistant.config import load_settings
    from assistant.db.engine import dispose_all
    from assistant.drafts.context import DraftRequest
    from assistant.retrieval.chroma_store import forget_clients
    from assistant.review.service import ReviewService
    from assistant.workspace import open_store

    settings = load_settings(llm="offline")
    store = open_store(settings)
    service = ReviewService(settings, store, client=None)
    record, draft = service.create(
        DraftRequest(kind="sla", lang="ja", options={"revenue_target": "30000000"})
    )
    assert not draft.blocking_warnings  # approvable without an override comment
    forget_clients()  # the app process owns the store from here on
    dispose_all()
    return record.id


@pytest.fixture
def app_url(drafted: int, axis_home: Path) -> Iterator[str]:
    with serve_app(axis_home) as url:
        yield url


def test_open_by_link_and_approve(app_url: str, drafted: int) -> None:
    from playwright.sync_api import expect, sync_playwright

    from assistant.config import load_settings
    from assistant.review.service import ReviewService
    from assistant.workspace import open_store

    settings = load_settings(llm="offline")
    draft = ReviewService(settings, open_store(settings), client=None).view(drafted).version.draft
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "review-page.png").unlink(missing_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1800}, locale="ja-JP")
        try:
            page.goto(f"{app_url}/review?id={drafted}")
            main = page.get_by_test_id("stMainBlockContainer")
            expect(main.get_by_text(f"#{drafted} {draft.title}")).to_be_visible(timeout=60_000)
            for section in draft.sections[:3]:
                expect(main.get_by_role("heading", name=section.title).first).to_be_visible()
            expect(main.get_by_text("下書き", exact=True).first).to_be_visible()

            # Click once the first run has drawn everything (a click mid-run can be lost).
            expect(main.get_by_text("履歴（1件）")).to_be_visible(timeout=60_000)
            expect(page.get_by_test_id("stStatusWidget")).to_be_hidden(timeout=60_000)
            main.get_by_role("button", name="承認する").click()
            expect(main.get_by_text("承認しました。")).to_be_visible(timeout=60_000)
            expect(main.get_by_text("承認済み", exact=True).first).to_be_visible()
            approve = main.get_by_role("button", name="承認する")
            expect(approve).to_have_count(1, timeout=60_000)  # the rerun has replaced stale ones
            expect(approve).to_be_disabled()
            expect(main.get_by_text("承認済み (1)")).to_be_visible()
            page.screenshot(path=str(ARTIFACTS / "review-page.png"), full_page=True)
        except Exception:
            page.screenshot(path=str(ARTIFACTS / "review-page-failure.png"), full_page=True)
            raise
        finally:
            browser.close()
    status = ReviewService(settings, open_store(settings), client=None).view(drafted).record
    assert status.status == "approved"
