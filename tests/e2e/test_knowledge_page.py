"""A person's path through the Knowledge page, in Debian's chromium driven by Playwright."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import ARTIFACTS, CHROMIUM, LAUNCH_ARGS, serve_app

pytestmark = pytest.mark.e2e


FEEDBACK = (
    "日付,担当者,企業名,業種,商談フェーズ,メモ\n"
    "2026/09/02,山田,株式会社テスト精機,製造業,提案,情報システム部からセキュリティ審査のチェックシートを"
    "渡された。SAML認証と操作ログの保管期間を確認したいとのこと。\n"
    "2026/09/05,鈴木,株式会社サンプル商事,卸売業,見積,初期費用が高いので分割できないかと相談された。\n"
)


@pytest.fixture
def app_url(axis_home: Path) -> Iterator[str]:
    with serve_app(axis_home) as url:
        yield url


def test_upload_then_search_in_japanese(app_url: str, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    upload = tmp_path / "feedback-2026-09.csv"
    upload.write_bytes(FEEDBACK.encode("cp932"))
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1800}, locale="ja-JP")
        try:
            page.goto(f"{app_url}/knowledge")  # the chat is the home page
            expect(page.get_by_text("ナレッジ管理")).to_be_visible(timeout=60_000)
            page.locator("input[type=file]").set_input_files(str(upload))
            expect(page.get_by_text("feedback-2026-09.csv")).to_be_visible(timeout=30_000)
            page.get_by_role("button", name="取り込む").click()
            expect(page.get_by_text("1件のファイルを取り込みました")).to_be_visible(timeout=120_000)
            # The kind summary above the table counts the new document.
            main = page.get_by_test_id("stMainBlockContainer")
            expect(main.get_by_text("営業フィードバック", exact=True)).to_be_visible()

            box = page.get_by_role("textbox", name="検索語（日本語・英語）")
            expect(box).to_have_count(1, timeout=30_000)  # the rerun has replaced stale widgets
            box.fill("セキュリティ審査で確認されたこと")
            box.press("Enter")
            first = page.get_by_text("1. feedback-2026-09.csv", exact=False)
            expect(first).to_be_visible(timeout=60_000)
            expect(
                page.get_by_text("SAML認証と操作ログの保管期間", exact=False).first
            ).to_be_visible()
            page.screenshot(path=str(ARTIFACTS / "knowledge-search.png"), full_page=True)
        except Exception:
            page.screenshot(path=str(ARTIFACTS / "knowledge-search-failure.png"), full_page=True)
            raise
        finally:
            browser.close()
