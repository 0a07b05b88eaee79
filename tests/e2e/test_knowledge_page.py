"""A person's path through the Knowledge page, in Debian's chromium driven by Playwright."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, free_port, wait_for_port

pytestmark = pytest.mark.e2e

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

FEEDBACK = (
    "日付,担当者,企業名,業種,商談フェーズ,メモ\n"
    "2026/09/02,山田,株式会社テスト精機,製造業,提案,情報システム部からセキュリティ審査のチェックシートを"
    "渡された。SAML認証と操作ログの保管期間を確認したいとのこと。\n"
    "2026/09/05,鈴木,株式会社サンプル商事,卸売業,見積,初期費用が高いので分割できないかと相談された。\n"
)


@pytest.fixture
def app_url(axis_home: Path) -> Iterator[str]:
    if not Path(CHROMIUM).exists():
        pytest.fail(
            "Debian's chromium is missing — `make test` installs it (apt-get install chromium)"
        )
    port = free_port()
    env = {**os.environ, "AXIS_HOME": str(axis_home)}
    streamlit = Path(sys.executable).with_name("streamlit")
    log = (axis_home.parent / "streamlit.log").open("wb")
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
