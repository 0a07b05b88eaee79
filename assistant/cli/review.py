"""``axis review``: the review workflow on the command line.

    axis review list [--status S] [--kind K] | show ID [--version N] | diff ID [--from N --to M]
    axis review comment ID TEXT [--section KEY] | resolve ID COMMENT_ID
    axis review assess ID --item ID --status S TEXT
    axis review edit ID --section KEY (--text TEXT | --file PATH | --file -)
    axis review regenerate ID [--ignore-comments] | submit ID | request-changes ID [--comment T]
    axis review approve ID [--comment TEXT] [--version N] | archive ID
    axis review export ID --format md|docx --output PATH [--unapproved]

Who acts is ``--by NAME`` or ``AXIS_USER`` (default: the login name).  ``--json`` prints one
document on stdout; everything else goes to stderr.  A thin shell over ``assistant.review``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from assistant.cli._common import ByOpt, JsonOpt, WorkspaceOpt, emit, err, errors, out
from assistant.cli.draft import print_draft, record_json, review_service
from assistant.errors import InputError

review_app = typer.Typer(
    help="Review drafts: comment, edit, approve, export.", no_args_is_help=True
)
IdArg = Annotated[int, typer.Argument(help="Draft id (axis review list).", min=1)]


@review_app.command("list")
def list_(
    status: Annotated[str | None, typer.Option(help="draft, in_review, ...")] = None,
    kind: Annotated[str | None, typer.Option(help="Draft kind.")] = None,
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Drafts by status, newest first."""
    from assistant.drafts.models import DRAFT_KINDS
    from assistant.review.models import REVIEW_STATUSES

    if status and status.replace("-", "_") not in REVIEW_STATUSES:
        raise typer.BadParameter(f"--status must be one of {', '.join(REVIEW_STATUSES)}")
    if kind and kind not in DRAFT_KINDS:
        raise typer.BadParameter(f"--kind must be one of {', '.join(DRAFT_KINDS)}")
    with errors():
        records = review_service(workspace).list(
            status=status.replace("-", "_") if status else None, kind=kind
        )
    if as_json:
        emit({"drafts": [record_json(r) for r in records]})
        return
    table = Table("id", "kind", "status", "v", "title", "updated")
    for r in records:
        table.add_row(
            str(r.id),
            r.kind,
            r.status,
            str(r.current_version),
            r.title,
            f"{r.updated_at:%Y-%m-%d %H:%M}",
        )
    out.print(table)


@review_app.command()
def show(
    draft_id: IdArg,
    version: Annotated[int | None, typer.Option(help="Version number (default: current).")] = None,
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """A draft's current (or given) version, its comments and history."""

    with errors():
        view = review_service(workspace).view(draft_id, version)
    if as_json:
        emit(
            {
                **record_json(view.record),
                "shown_version": view.version.number,
                "versions": view.versions,
                "draft": view.version.draft.contract(view.record.id),
                "snapshot": view.version.snapshot.model_dump(mode="json"),
                "comments": [c.model_dump(mode="json") for c in view.comments],
                "events": [e.model_dump(mode="json") for e in view.events],
            }
        )
        return
    err.print(
        f"status: {view.record.status} · version {view.version.number} of "
        f"{len(view.versions)} · by {view.version.author}",
        highlight=False,
    )
    print_draft(view.record.id, view.version.draft)
    for c in view.comments:
        where = f" on {c.section}" if c.section else ""
        state = " (resolved)" if c.resolved_in else ""
        out.print(
            f"💬 {c.author}{where} [{c.kind}]{state}: {c.text}", highlight=False, markup=False
        )


@review_app.command()
def diff(
    draft_id: IdArg,
    from_: Annotated[
        int | None, typer.Option("--from", help="Older version (default: previous).")
    ] = None,
    to: Annotated[
        int | None, typer.Option("--to", help="Newer version (default: current).")
    ] = None,
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """What changed between two versions, section by section."""

    with errors():
        service = review_service(workspace)
        record = service.reviews.get(draft_id)
        new = record.current_version if to is None else to
        old = max(1, new - 1) if from_ is None else from_
        if old == new:
            raise typer.BadParameter(
                f"draft {draft_id} has only version {new}"
                if record.current_version == 1
                else "--from and --to name the same version"
            )
        diffs = service.diff(draft_id, old, new)
    if as_json:
        emit(
            {
                "from": old,
                "to": new,
                "sections": [
                    {
                        "key": d.key,
                        "title": d.title,
                        "change": d.change,
                        "diff": d.unified(old=old, new=new),
                    }
                    for d in diffs
                ],
            }
        )
        return
    changed = [d for d in diffs if d.change != "same"]
    if not changed:
        err.print(f"v{old} and v{new} are the same")
    for d in changed:
        out.print(
            d.unified(old=old, new=new) or f"{d.title}: {d.change}", highlight=False, markup=False
        )


def _done(record, as_json: bool, message: str) -> None:  # type: ignore[no-untyped-def]

    if as_json:
        emit(record_json(record))
    else:
        err.print(message, highlight=False)


@review_app.command()
def comment(
    draft_id: IdArg,
    text: Annotated[str, typer.Argument(help="The comment.")],
    section: Annotated[str | None, typer.Option(help="Section key (axis review show).")] = None,
    by: ByOpt = None,
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Comment on a draft or a section (kept; a regeneration takes it as an instruction)."""

    with errors():
        made = review_service(workspace).comment(draft_id, text, actor=by, section=section)
    if as_json:
        emit(made.model_dump(mode="json"))
    else:
        err.print(f"comment {made.id} saved on draft #{draft_id} v{made.version}")


@review_app.command()
def resolve(
    draft_id: IdArg,
    comment_id: Annotated[int, typer.Argument(help="Comment id (axis review show).", min=1)],
    by: ByOpt = None,
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Mark a comment as addressed by the current version."""

    with errors():
        made = review_service(workspace).resolve(draft_id, comment_id, actor=by)
    if as_json:
        emit(made.model_dump(mode="json"))
    else:
        err.print(f"comment {comment_id} resolved in v{made.resolved_in}")


@review_app.command()
def assess(
    draft_id: IdArg,
    item: Annotated[str, typer.Option(help="Checklist item id (section item:<id>).")],
    status: Annotated[str, typer.Option(help="met | partly | not_met | unknown")],
    text: Annotated[str, typer.Argument(help="Why (kept with the assessment).")],
    by: ByOpt = None,
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Override an improvement plan's assessment of a checklist item (applied on regenerate)."""
    from assistant.review.service import ASSESSMENTS

    section = item if item.startswith("item:") else f"item:{item}"
    if status.replace("-", "_") not in ASSESSMENTS:
        raise typer.BadParameter(f"--status must be one of {', '.join(ASSESSMENTS)}")
    with errors():
        made = review_service(workspace).assess(
            draft_id, section, status.replace("-", "_"), text, actor=by
        )
    if as_json:
        emit(made.model_dump(mode="json"))
    else:
        err.print(f"assessment saved; run axis review regenerate {draft_id} to apply it")


@review_app.command()
def edit(
    draft_id: IdArg,
    section: Annotated[str, typer.Option(help="Section key to replace.")],
    text: Annotated[str | None, typer.Option(help="The new text.")] = None,
    file: Annotated[
        str | None, typer.Option(help="Read the new text from a file (- = stdin).")
    ] = None,
    by: ByOpt = None,
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Replace one section's text: a new version, checked again."""

    if (text is None) == (file is None):
        raise typer.BadParameter("give exactly one of --text or --file")
    with errors():
        body = text if text is not None else _read_text(file or "-")
        version = review_service(workspace).edit_section(draft_id, section, body, actor=by)
    _version_done(version, as_json, emit)


def _read_text(file: str) -> str:

    if file == "-":
        return sys.stdin.read()
    try:
        return Path(file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {file}: {exc} — give a UTF-8 text file") from exc


def _version_done(version, as_json: bool, emit) -> None:  # type: ignore[no-untyped-def]
    if as_json:
        emit(
            {
                "id": version.draft_id,
                "version": version.number,
                "reason": version.reason,
                "note": version.note,
                "draft": version.draft.contract(version.draft_id),
            }
        )
        return
    err.print(
        f"draft #{version.draft_id} is now v{version.number}: {version.note}", highlight=False
    )
    for w in version.draft.warnings:
        err.print(f"[yellow]warning:[/] {w.message}", highlight=False)


@review_app.command()
def regenerate(
    draft_id: IdArg,
    ignore_comments: Annotated[
        bool, typer.Option("--ignore-comments", help="Do not pass open comments to the LLM.")
    ] = False,
    by: ByOpt = None,
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Rebuild from today's evidence (a new version); open comments become instructions."""

    with errors():
        version = review_service(workspace).regenerate(
            draft_id, actor=by, use_comments=not ignore_comments
        )
    _version_done(version, as_json, emit)


@review_app.command()
def submit(
    draft_id: IdArg, by: ByOpt = None, workspace: WorkspaceOpt = None, as_json: JsonOpt = False
) -> None:
    """Send a draft for review."""

    with errors():
        record = review_service(workspace).submit(draft_id, actor=by)
    _done(record, as_json, f"draft #{draft_id} is in review")


@review_app.command("request-changes")
def request_changes(
    draft_id: IdArg,
    comment_: Annotated[str | None, typer.Option("--comment", help="What to change.")] = None,
    by: ByOpt = None,
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Send a draft in review back with changes requested."""

    with errors():
        record = review_service(workspace).request_changes(draft_id, actor=by, comment=comment_)
    _done(record, as_json, f"changes requested on draft #{draft_id}")


@review_app.command()
def approve(
    draft_id: IdArg,
    comment_: Annotated[
        str | None, typer.Option("--comment", help="Approval note; required to override checks.")
    ] = None,
    version: Annotated[
        int | None, typer.Option(help="The version you read; refused if it is not current.")
    ] = None,
    by: ByOpt = None,
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Approve the current version (unverified numbers need --comment to override)."""

    with errors():
        record = review_service(workspace).approve(
            draft_id, actor=by, comment=comment_, version=version
        )
    _done(record, as_json, f"draft #{draft_id} v{record.current_version} approved")


@review_app.command()
def archive(
    draft_id: IdArg, by: ByOpt = None, workspace: WorkspaceOpt = None, as_json: JsonOpt = False
) -> None:
    """Archive a draft (it stays readable, it can no longer change)."""

    with errors():
        record = review_service(workspace).archive(draft_id, actor=by)
    _done(record, as_json, f"draft #{draft_id} archived")


@review_app.command()
def export(
    draft_id: IdArg,
    format_: Annotated[str, typer.Option("--format", help="md or docx.")],
    output: Annotated[Path, typer.Option(help="File or folder to write.")],
    unapproved: Annotated[
        bool, typer.Option("--unapproved", help="Export a draft that is not approved (marked).")
    ] = False,
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Export a draft (approved, unless --unapproved) as Markdown or Word, sources listed."""

    if format_ not in ("md", "docx"):
        raise typer.BadParameter("--format must be md or docx")
    if output.suffix and not output.is_dir() and output.suffix.lower() != f".{format_}":
        raise typer.BadParameter(f"--output {output.name} does not end in .{format_}")
    with errors():
        path = review_service(workspace).export(
            draft_id, format_, output, allow_unapproved=unapproved
        )
    if as_json:
        emit({"id": draft_id, "format": format_, "path": str(path)})
    else:
        err.print(f"wrote {path}")
