"""The whole review cycle through `axis`, as a team would run it, with the JSON contract."""

from __future__ import annotations

import json
from pathlib import Path

import docx
from typer.testing import CliRunner

from assistant.cli.app import app

runner = CliRunner()


def axis(*args: str, stdin: str | None = None) -> tuple[int, dict | None, str]:
    result = runner.invoke(app, list(args), input=stdin)
    payload = json.loads(result.stdout) if "--json" in args and result.exit_code == 0 else None
    return result.exit_code, payload, result.stderr


def test_draft_comment_request_changes_edit_submit_approve_export(
    demo_home: Path, tmp_path: Path
) -> None:
    code, made, err = axis("draft", "sla", "--by", "marketing", "--json")
    assert code == 0, err
    assert set(made) >= {"id", "kind", "sections", "citations", "warnings", "mode"}
    assert made["kind"] == "sla" and made["mode"] == "offline"
    draft_id = str(made["id"])

    code, listed, _ = axis("review", "list", "--status", "draft", "--json")
    assert [d["id"] for d in listed["drafts"]] == [made["id"]]

    code, note, err = axis(
        "review",
        "comment",
        draft_id,
        "責任者に氏名を入れてください",
        "--section",
        "owners",
        "--by",
        "director",
        "--json",
    )
    assert code == 0, err and note["section"] == "owners"
    assert axis("review", "submit", draft_id, "--json")[1]["status"] == "in_review"
    code, record, _ = axis(
        "review",
        "request-changes",
        draft_id,
        "--comment",
        "期限を明記して",
        "--by",
        "director",
        "--json",
    )
    assert record["status"] == "changes_requested"
    # Approving now is refused: a new version and a new submission come first.
    code, _, err = axis("review", "approve", draft_id, "--by", "director")
    assert code == 1 and "changes_requested" in err and "submit" in err

    new_owners = (
        "- マーケティング部長 高野：MQL定義と月間コミットメント\n- 営業部長 大西：SQLの受け入れ"
    )
    code, edited, err = axis(
        "review",
        "edit",
        draft_id,
        "--section",
        "owners",
        "--file",
        "-",
        "--by",
        "marketing",
        "--json",
        stdin=new_owners,
    )
    assert code == 0, err and edited["version"] == 2 and edited["reason"] == "edited"
    code, changes, _ = axis("review", "diff", draft_id, "--json")
    changed = [s for s in changes["sections"] if s["change"] != "same"]
    assert [s["key"] for s in changed] == ["owners"]
    assert "+- 営業部長 大西" in changed[0]["diff"] and changes["from"] == 1

    axis("review", "submit", draft_id)
    code, record, err = axis("review", "approve", draft_id, "--by", "director", "--json")
    assert code == 0, err and record["status"] == "approved" and record["version"] == 2

    code, shown, _ = axis("review", "show", draft_id, "--json")
    actions = [(e["actor"], e["action"]) for e in shown["events"]]
    assert actions[0] == ("marketing", "create") and actions[-1] == ("director", "approve")
    assert ("director", "request_changes") in actions and ("marketing", "edited") in actions
    assert shown["versions"] == [1, 2] and shown["snapshot"]["kpi_months"]
    assert {c["kind"] for c in shown["comments"]} == {"comment", "request_changes"}

    out = tmp_path / "sla.docx"
    code, exported, err = axis(
        "review", "export", draft_id, "--format", "docx", "--output", str(out), "--json"
    )
    assert code == 0, err and Path(exported["path"]) == out
    document = docx.Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "営業部長 大西" in text and "director" in cells
    md = tmp_path / "sla.md"
    assert axis("review", "export", draft_id, "--format", "md", "--output", str(md))[0] == 0
    assert "MQLの閾値は60点" in md.read_text("utf-8")


def test_unverified_number_blocks_approval_until_an_override_comment(demo_home: Path) -> None:
    draft_id = str(axis("draft", "sla", "--json")[1]["id"])
    code, edited, _ = axis(
        "review",
        "edit",
        draft_id,
        "--section",
        "basis",
        "--text",
        "受注率は99.9%に改善する見込みです。",
        "--json",
    )
    codes = [w["code"] for w in edited["draft"]["warnings"]]
    assert "unverified_number" in codes
    code, _, err = axis("review", "approve", draft_id)
    assert code == 1 and "99.9%" in err and ("--comment" in err or "理由を書いて承認" in err)
    assert axis("review", "show", draft_id, "--json")[1]["status"] == "draft"
    code, record, err = axis(
        "review",
        "approve",
        draft_id,
        "--comment",
        "社内目標値として承知のうえ承認",
        "--by",
        "cmo",
        "--json",
    )
    assert code == 0, err and record["status"] == "approved"
    shown = axis("review", "show", draft_id, "--json")[1]
    override = [c for c in shown["comments"] if c["kind"] == "override"]
    assert [(c["author"], c["text"]) for c in override] == [
        ("cmo", "社内目標値として承知のうえ承認")
    ]
    assert shown["events"][-1]["detail"].startswith("override")


def test_export_of_an_unapproved_draft_needs_the_flag(demo_home: Path, tmp_path: Path) -> None:
    draft_id = str(axis("draft", "sla", "--json")[1]["id"])
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    code, _, err = axis("review", "export", draft_id, "--format", "md", "--output", str(tmp_path))
    assert code == 1 and "axis review approve" in err and not list(tmp_path.iterdir())
    code, _, _ = axis(
        "review", "export", draft_id, "--format", "md", "--output", str(tmp_path), "--unapproved"
    )
    assert code == 0
    (written,) = tmp_path.iterdir()
    assert written.name == f"sla-{draft_id}-v1.md" and "未承認" in written.read_text("utf-8")


def test_bad_review_input_gets_clear_errors(demo_home: Path) -> None:
    draft_id = str(axis("draft", "sla", "--json")[1]["id"])
    code, _, err = axis("review", "show", "999")
    assert code == 1 and "No draft 999" in err and "axis review list" in err
    code, _, err = axis("review", "comment", draft_id, "x", "--section", "nope")
    assert code == 1 and "no section 'nope'" in err and "owners" in err
    code, _, err = axis("review", "comment", draft_id, "   ")
    assert code == 1 and "needs some text" in err
    code, _, err = axis("review", "edit", draft_id, "--section", "owners")
    assert code == 2
    code, _, err = axis("review", "request-changes", draft_id, "--comment", "直して")
    assert code == 1 and "submit it first" in err
    code, _, err = axis("draft", "memo")
    assert code == 2 and "positioning" in err
    code, _, err = axis("draft", "sla", "--revenue-target", "たくさん")
    assert code != 0
    code, _, err = axis("review", "list", "--status", "done")
    assert code == 2 and "in_review" in err
    axis("review", "archive", draft_id)
    code, _, err = axis("review", "edit", draft_id, "--section", "owners", "--text", "x")
    assert code == 1 and "archived" in err
    # Nothing above left a half-made record behind.
    shown = axis("review", "show", draft_id, "--json")[1]
    assert shown["versions"] == [1] and shown["comments"] == []


def test_draft_options_a_kind_does_not_take_are_usage_errors(demo_home: Path) -> None:
    for args, wrong in (
        (("draft", "improvement-plan", "--persona", "経理部長"), "--persona"),
        (("draft", "positioning", "--axis", "roi"), "--axis"),
        (("draft", "sla", "--format", "blog"), "--format"),
        (("draft", "messaging", "--revenue-target", "5000万円"), "--revenue-target"),
    ):
        code, _, err = axis(*args)
        assert code == 2 and wrong in err, (args, err)
    code, _, err = axis("draft", "content-brief", "--all-personas", "--persona", "経理部長")
    assert code == 2 and "not both" in err
    for target in ("0", "-5", "99999999999999999999"):
        code, _, err = axis("draft", "sla", f"--revenue-target={target}")
        assert code == 2 and "--revenue-target" in err, (target, err)
    code, _, err = axis(
        "draft", "content-brief", "--all-personas", "--axis", "roi", "--axis", "typo"
    )
    assert code == 1 and "typo" in err
    code, _, err = axis("draft", "positioning", "--segment", "宇宙業")
    assert code == 1 and "製造業" in err  # the industries there are
    # None of that saved a draft.
    assert axis("review", "list", "--json")[1]["drafts"] == []


def test_a_workspace_without_documents_is_refused_by_name(demo_home: Path) -> None:
    code, _, err = axis("draft", "sla", "--workspace", "typo")
    assert code == 1 and "'typo' has no documents" in err


def test_review_usage_errors(demo_home: Path, tmp_path: Path) -> None:
    draft_id = str(axis("draft", "sla", "--json")[1]["id"])
    code, _, err = axis("review", "diff", draft_id)
    assert code == 2 and "only version 1" in err
    code, _, err = axis("review", "list", "--kind", "bogus")
    assert code == 2 and "positioning" in err
    code, _, err = axis("review", "assess", draft_id, "--item", "x", "--status", "great", "t")
    assert code == 2 and "not_met" in err
    code, _, err = axis(
        "review", "export", draft_id, "--format", "md", "--output", str(tmp_path / "a.docx")
    )
    assert code == 2 and "does not end in .md" in err
    axis("review", "edit", draft_id, "--section", "owners", "--text", "- 営業部長")
    code, _, err = axis("review", "approve", draft_id, "--version", "1")
    assert code == 1 and "version 2 is current" in err
