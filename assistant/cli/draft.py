"""``axis draft``: a draft from the workspace's evidence, put in the review queue.

    axis draft KIND [--persona NAME] [--axis AXIS]... [--all-personas] [--revenue-target YEN]
                    [--format F] [--stage S] [--segment INDUSTRY] [--lang ja|en] [--json]

Who acts is ``--by NAME`` or ``AXIS_USER`` (default: the login name).  ``--json`` prints one
document on stdout; everything else goes to stderr.  The review workflow is ``cli_review``;
both are thin shells over ``assistant.review``.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markdown import Markdown

from assistant.cli._common import (
    ByOpt,
    JsonOpt,
    WorkspaceOpt,
    emit,
    err,
    errors,
    out,
    settings_for,
    yen_option,
)
from assistant.domain.grounding import cite_label


def review_service(workspace: str | None):  # type: ignore[no-untyped-def]
    from assistant.review.service import ReviewService
    from assistant.workspace import open_store

    settings = settings_for(workspace)
    return ReviewService(settings, open_store(settings))


def _yen_option(value: str | None) -> str | None:
    if value is None:
        return None

    parsed = yen_option(value, "--revenue-target")
    if parsed is None:
        return None
    from assistant.drafts.sla.commitments import check_target
    from assistant.errors import AxisError

    try:
        return str(check_target(parsed))
    except AxisError as exc:  # a bad option value is a usage error (exit 2)
        raise typer.BadParameter(f"--revenue-target: {exc}") from None


def record_json(record) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {
        "id": record.id,
        "kind": record.kind,
        "title": record.title,
        "status": record.status,
        "version": record.current_version,
        "persona": record.persona,
        "axis": record.axis,
        "created_by": record.created_by,
        "updated_at": record.updated_at.isoformat(),
    }


def print_draft(draft_id: int, draft) -> None:  # type: ignore[no-untyped-def]
    err.print(f"[bold]#{draft_id} {draft.title}[/] ({draft.mode})", highlight=False)
    if draft.notice:
        err.print(f"[yellow]{draft.notice}[/]", highlight=False)
    for section in draft.sections:
        marker = "" if section.status == "ok" else f" [{section.status}]"
        out.print(Markdown(f"## {section.title}{marker}\n\n{section.body}"))
    if draft.citations:
        out.print("[bold]Sources[/]")
        for c in draft.citations:
            where = cite_label(c.source, c.location)
            out.print(f"  [{c.ref}] {where}: {c.quote[:120]}", highlight=False, markup=False)
    for f in draft.facts:
        out.print(f"  [{f.id}] {f.label}: {f.display}", highlight=False, markup=False)
    for w in draft.warnings:
        err.print(f"[yellow]warning:[/] {w.message}", highlight=False)


def draft(
    kind: Annotated[
        str,
        typer.Argument(help="positioning | messaging | sla | improvement-plan | content-brief"),
    ],
    persona: Annotated[str | None, typer.Option(help="Persona name or file name.")] = None,
    axis: Annotated[
        list[str] | None, typer.Option(help="訴求軸 (problem, roi, differentiation, ...).")
    ] = None,
    all_personas: Annotated[
        bool, typer.Option("--all-personas", help="Content briefs for every persona.")
    ] = False,
    revenue_target: Annotated[
        str | None, typer.Option("--revenue-target", help="SLA: monthly revenue target (yen).")
    ] = None,
    format_: Annotated[
        str | None, typer.Option("--format", help="Content brief format (white-paper, ...).")
    ] = None,
    stage: Annotated[
        str | None, typer.Option(help="Content brief funnel stage (awareness, ...).")
    ] = None,
    segment: Annotated[str | None, typer.Option(help="Positioning: an industry.")] = None,
    lang: Annotated[str | None, typer.Option(help="ja or en (default: AXIS_LANGUAGE).")] = None,
    by: ByOpt = None,
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Draft a document from the workspace's evidence and put it in the review queue."""
    from assistant.drafts.context import DraftRequest
    from assistant.drafts.kinds import KINDS

    if kind not in KINDS:
        raise typer.BadParameter(f"'{kind}' is not a draft kind — use {', '.join(KINDS)}")
    kind_spec = KINDS[kind]
    if lang not in (None, "ja", "en"):
        raise typer.BadParameter("--lang must be ja or en")
    axes = axis or []
    given = {
        name
        for name, value in {
            "persona": persona,
            "axis": axes,
            "all_personas": all_personas,
            "revenue_target": revenue_target,
            "format": format_,
            "stage": stage,
            "segment": segment,
        }.items()
        if value
    }
    if refusal := kind_spec.refusal(given):
        raise typer.BadParameter(refusal)
    if all_personas and persona:
        raise typer.BadParameter("give --persona or --all-personas, not both")
    with errors():
        target = _yen_option(revenue_target)
        service = review_service(workspace)
        options = {
            k: v
            for k, v in {
                "revenue_target": target,
                "format": format_,
                "stage": stage,
                "segment": segment,
            }.items()
            if v
        }
        language = lang or service.settings.language
        if kind_spec.batch and (all_personas or len(axes) > 1):
            from assistant.drafts.content_brief.batch import brief_requests
            from assistant.drafts.evidence import Corpus

            # Every persona, axis, format and stage is resolved before the first brief is made.
            requests = brief_requests(
                Corpus(service.settings, service.store),
                personas=None if all_personas else [persona or ""],
                axes=axes or None,
                lang=language,
                options=options,
            )
            created = service.create_many(
                requests,
                actor=by,
                progress=lambda done, total: err.print(f"brief {done}/{total}", highlight=False),
            )
            if as_json:
                emit({"drafts": [d.contract(r.id) for r, d in created]})
                return
            for record, made in created:
                err.print(f"#{record.id} {made.title} ({len(made.warnings)} warning(s))")
            return
        if kind_spec.axes == "many" and len(axes) > 1:  # the matrix's columns
            options["axes"] = ",".join(axes)
        request = DraftRequest(
            kind=kind,  # type: ignore[arg-type]
            persona=persona,
            axis=axes[0] if len(axes) == 1 else None,
            lang=language,
            options=options,
        )
        record, made = service.create(request, actor=by)
    if as_json:
        emit(made.contract(record.id))
        return
    print_draft(record.id, made)
    err.print(f"Saved as draft #{record.id} — review it with: axis review show {record.id}")
