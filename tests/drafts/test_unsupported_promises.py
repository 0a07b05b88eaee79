"""No draft answers a need with a feature the product document says is not supported."""

from __future__ import annotations

from assistant.drafts import DraftRequest, generate
from assistant.text.normalize import nfkc
from tests.conftest import KNOWLEDGE

# The demo persona's worry, and the product document's own word on it.
NEED = "会計システムはオンプレミスの大河会計で、新しいツールとつながるか不安がある"
PRODUCT = nfkc((KNOWLEDGE / "product" / "keiri-cloud.md").read_text("utf-8"))


def test_the_demo_product_really_does_not_support_it() -> None:
    line = next(x for x in PRODUCT.splitlines() if "大河会計" in x and "オンプレミス" in x)
    assert "未対応" in line


def test_messages_and_briefs_do_not_promise_it(demo) -> None:  # type: ignore[no-untyped-def]
    settings, store = demo
    matrix = generate(
        settings, store, DraftRequest(kind="messaging", persona="経理部長"), client=None
    )
    brief = generate(
        settings, store, DraftRequest(kind="content-brief", persona="経理部長"), client=None
    )
    for draft in (matrix, brief):
        for section in draft.sections:
            # A gap cell may list the worry as the persona's voice; a message may not answer it.
            answering = section.key.startswith("cell:") and section.status == "ok"
            if answering or section.key in ("messages", "titles"):
                offered = [line for line in section.body.splitlines() if NEED in line]
                assert all("未対応" in line for line in offered), (section.key, offered)
    # The matrix shows the reason as a caveat instead.
    problem = matrix.section("cell:keiri-bucho:problem")
    assert problem is not None and "未対応" in problem.body
