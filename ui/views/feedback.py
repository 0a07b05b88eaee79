"""Sales feedback page: paste or upload notes — or take every note stored in the workspace,
by period — and get themes with counts, quotes, monthly trends and funnel links.

Every number comes from ``assistant.feedback``; this page reads the input, shows progress,
draws the result (theme cards sorted by count, an Altair bar chart, notes per month per
theme, drill-down to the notes, duplicates with the reason for each, redactions, flags) and
offers CSV/Markdown exports and saving to the knowledge store.  With an LLM configured the
model names the themes.  All note text shown here is redacted.
"""

from __future__ import annotations

import re

import altair as alt
import pandas as pd
import streamlit as st

from assistant.errors import AxisError
from assistant.feedback.inputs import notes_from_bytes, notes_from_text
from assistant.feedback.knowledge import save_to_knowledge
from assistant.feedback.models import Synthesis, Theme
from assistant.feedback.namer import namer_for
from assistant.feedback.report import notes_csv, render_markdown, themes_csv
from assistant.feedback.synthesize import synthesize
from assistant.feedback.workspace import vocabulary, workspace_notes
from ui import state
from ui.i18n import lang, t

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<])")
KEY = "feedback_synthesis"


def _escape(text: str) -> str:
    """User text shown as text, never as Markdown (a note may contain ``#``, ``*``, links)."""
    return _MD_SPECIAL.sub(r"\\\1", text)


settings = state.settings()
store = state.store(settings.workspace)

st.title(t("feedback_title"))
st.caption(t("feedback_intro"))

# -- input ----------------------------------------------------------------------------
sources = [t("feedback_input_paste"), t("feedback_input_workspace")]
from_workspace = st.radio(t("feedback_input"), sources, horizontal=True) == sources[1]
with st.form("feedback_input"):
    pasted, upload, since, until = "", None, None, None
    if from_workspace:
        st.caption(t("feedback_workspace_note"))
        left, right = st.columns(2)
        since = left.date_input(t("feedback_since"), value=None)
        until = right.date_input(t("feedback_until"), value=None)
    else:
        pasted = st.text_area(
            t("feedback_paste"), height=200, placeholder=t("feedback_placeholder")
        )
        upload = st.file_uploader(t("feedback_upload"), type=["csv", "tsv", "xlsx", "txt"])
    min_theme = st.number_input(
        t("feedback_min_theme"), min_value=2, max_value=50, value=settings.feedback_min_theme
    )
    run = st.form_submit_button(t("feedback_run"), type="primary")

if run:
    bar = st.progress(0.0, text=t("feedback_step_saved"))
    try:
        if from_workspace:
            given = workspace_notes(settings, since=since, until=until)
        elif upload is not None:
            given = notes_from_bytes(
                upload.getvalue(), filename=upload.name, max_bytes=settings.max_file_bytes
            )
        else:
            given = notes_from_text(pasted, source="paste")
        documents, names = vocabulary(store)
        st.session_state[KEY] = synthesize(
            settings.model_copy(update={"feedback_min_theme": int(min_theme)}),
            given,
            language=lang(),
            namer=namer_for(settings),
            documents=documents,
            names=names,
            progress=lambda step, done: bar.progress(
                min(done, 1.0), text=t(f"feedback_step_{step}")
            ),
        )
    except AxisError as exc:
        bar.empty()
        st.error(str(exc))
    else:
        bar.progress(1.0, text=t("feedback_step_done"))

synthesis: Synthesis | None = st.session_state.get(KEY)
if synthesis is None:
    st.info(t("feedback_empty"))
    st.stop()

# -- overview -------------------------------------------------------------------------
themes = [th for th in synthesis.themes if not th.insufficient]
cols = st.columns(6)
cols[0].metric(t("feedback_notes"), synthesis.note_count)
cols[1].metric(t("feedback_distinct"), synthesis.distinct)
cols[2].metric(t("feedback_themes"), len(themes))
cols[3].metric(t("feedback_duplicates"), len(synthesis.duplicates))
cols[4].metric(t("feedback_redacted"), sum(synthesis.redactions.values()))
cols[5].metric(t("feedback_flagged"), len(synthesis.flagged))
for warning in synthesis.warnings:
    st.warning(warning)
if synthesis.entities:
    st.caption(t("feedback_entities", names="、".join(synthesis.entities[:30])))

chart = pd.DataFrame(
    {"theme": [th.label for th in synthesis.themes], "count": [th.count for th in synthesis.themes]}
)
st.altair_chart(
    alt.Chart(chart)
    .mark_bar()
    .encode(
        x=alt.X("count:Q", title=t("feedback_count")),
        y=alt.Y("theme:N", sort="-x", title=None),
        tooltip=["theme", "count"],
    ),
    use_container_width=True,
)
trend = pd.DataFrame(
    [
        {"theme": th.label, "month": c.key, "count": c.count}
        for th in synthesis.themes
        if not th.insufficient
        for c in th.monthly
    ]
)
if not trend.empty and trend["month"].nunique() >= 2:
    st.subheader(t("feedback_trend_header"))
    st.altair_chart(
        alt.Chart(trend)
        .mark_line(point=True)
        .encode(
            x=alt.X("month:O", title=t("feedback_month")),
            y=alt.Y("count:Q", title=t("feedback_count")),
            color=alt.Color("theme:N", title=None),
            tooltip=["theme", "month", "count"],
        ),
        use_container_width=True,
    )


def _funnel_line(theme: Theme) -> str | None:
    link = theme.funnel
    if link is None:
        return None
    if link.change_pt is None or link.window is None:
        return t("feedback_funnel", conversion=link.conversion)
    return t(
        "feedback_funnel_change",
        conversion=link.conversion,
        start=link.window[0],
        end=link.window[1],
        before=link.notes_before if link.notes_before is not None else "-",
        after=link.notes_after if link.notes_after is not None else "-",
        change=f"{link.change_pt:+.1f}",
    )


def _card(theme: Theme) -> None:
    with st.container(border=True):
        st.subheader(f"{theme.label}")
        st.markdown(
            t("feedback_card_count", count=theme.count, share=f"{theme.share:.1%}")
            + (
                f" · {t('feedback_repeats', n=len(theme.duplicate_ids))}"
                if theme.duplicate_ids
                else ""
            )
        )
        st.caption(_escape(theme.summary))
        if line := _funnel_line(theme):
            st.markdown(line)
        for quote in theme.quotes:
            st.markdown(
                f"> {_escape(quote.text)}  \n> — {quote.note_id}, {t('feedback_row')} {quote.row}"
            )
        with st.expander(t("feedback_drilldown", n=theme.count)):
            ids = set(theme.note_ids) | set(theme.duplicate_ids)
            rows = [item for item in synthesis.items if item.id in ids]
            st.dataframe(
                pd.DataFrame(
                    {
                        "id": [i.id for i in rows],
                        t("feedback_row"): [i.row for i in rows],
                        t("feedback_col_text"): [i.text for i in rows],
                        t("feedback_col_source"): [i.source for i in rows],
                        t("feedback_col_date"): [i.date for i in rows],
                        t("feedback_col_rep"): [i.rep for i in rows],
                        t("feedback_col_stage"): [i.stage for i in rows],
                        t("feedback_col_duplicate"): [i.duplicate_of for i in rows],
                    }
                ),
                hide_index=True,
                use_container_width=True,
            )
            breakdowns = [
                (t("feedback_by_rep"), theme.by_rep),
                (t("feedback_by_industry"), theme.by_industry),
                (t("feedback_by_stage"), theme.by_stage),
                (t("feedback_monthly"), theme.monthly),
            ]
            for title, counts in breakdowns:
                if counts:
                    st.caption(title + ": " + ", ".join(f"{c.key} {c.count}" for c in counts))


st.subheader(t("feedback_themes_header"))
for theme in sorted(synthesis.themes, key=lambda th: (th.insufficient, -th.count)):
    _card(theme)

# -- changes, hygiene -------------------------------------------------------------------
if synthesis.diff:
    st.subheader(
        t("feedback_diff", run=synthesis.diff.previous_run, date=synthesis.diff.previous_date)
    )
    st.dataframe(
        pd.DataFrame([c.model_dump() for c in synthesis.diff.changes]),
        hide_index=True,
        use_container_width=True,
    )

with st.expander(t("feedback_duplicates_header", n=len(synthesis.duplicates))):
    if synthesis.duplicates:
        st.dataframe(
            pd.DataFrame(
                {
                    t("feedback_col_repeat"): [d.duplicate_id for d in synthesis.duplicates],
                    t("feedback_col_original"): [d.note_id for d in synthesis.duplicates],
                    t("feedback_col_why"): [d.why(lang()) for d in synthesis.duplicates],
                }
            ),
            hide_index=True,
            use_container_width=True,
        )
    else:
        st.caption(t("feedback_none"))
with st.expander(t("feedback_redactions_header", n=sum(synthesis.redactions.values()))):
    st.caption(t("feedback_redactions_note"))
    st.dataframe(
        pd.DataFrame(
            {"type": list(synthesis.redactions), "count": list(synthesis.redactions.values())}
        ),
        hide_index=True,
    )
with st.expander(t("feedback_flagged_header", n=len(synthesis.flagged))):
    st.caption(t("feedback_flagged_note"))
    for flag in synthesis.flagged:
        st.markdown(f"- {flag.note_id}: {_escape(flag.reason)}")
    for skipped in synthesis.skipped:
        st.markdown(
            f"- {skipped.note_id} ({t('feedback_row')} {skipped.row}): {t('feedback_skipped')}"
        )

# -- export, save -----------------------------------------------------------------------
st.subheader(t("feedback_export"))
c1, c2, c3, c4 = st.columns(4)
stem = f"feedback-run{synthesis.run_id}"
c1.download_button(
    t("feedback_themes_csv"), themes_csv(synthesis), f"{stem}-themes.csv", "text/csv"
)
c2.download_button(t("feedback_notes_csv"), notes_csv(synthesis), f"{stem}-notes.csv", "text/csv")
c3.download_button(
    t("feedback_markdown"), render_markdown(synthesis), f"{stem}.md", "text/markdown"
)
if c4.button(t("feedback_save")):
    try:
        name = save_to_knowledge(store, synthesis)
    except AxisError as exc:
        st.error(str(exc))
    else:
        st.success(t("feedback_saved", name=name))
