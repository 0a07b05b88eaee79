"""Knowledge page: upload files, see documents by kind, delete one, search."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from assistant.domain.grounding import cite_label, place_of
from assistant.errors import AxisError
from assistant.ingest.loaders import SUPPORTED_SUFFIXES
from assistant.ingest.pipeline import ingest_bytes
from ui import state
from ui.i18n import kind_label, lang, t

store = state.store(state.settings().workspace)

st.title(t("knowledge_title"))
st.caption(t("knowledge_intro"))

# -- upload ---------------------------------------------------------------------------
st.subheader(t("upload_header"))
with st.form("upload", clear_on_submit=True):
    files = st.file_uploader(
        t("upload_label"),
        type=sorted(s.lstrip(".") for s in SUPPORTED_SUFFIXES),
        accept_multiple_files=True,
    )
    submitted = st.form_submit_button(t("upload_button"), type="primary")

if submitted and files:
    bar = st.progress(0.0)
    totals = {"files": 0, "added": 0, "skipped": 0}
    for i, upload in enumerate(files):
        bar.progress(i / len(files), text=t("ingesting", name=upload.name))
        try:
            report = ingest_bytes(store, upload.getvalue(), filename=upload.name)
        except AxisError as exc:
            st.error(t("rejected", error=str(exc)))
            continue
        totals["files"] += report.files
        totals["added"] += report.chunks_added
        totals["skipped"] += report.chunks_skipped
        for rejection in report.rejected:
            st.error(t("rejected", error=rejection["error"]))
        for w in report.warnings:
            key = "warning_row" if w.row is not None else "warning"
            st.warning(t(key, path=w.path, row=w.row, message=w.message))
    bar.progress(1.0)
    if totals["files"]:
        st.success(t("ingested", **totals))

# -- documents ------------------------------------------------------------------------
st.subheader(t("docs_header"))
documents = store.documents()
if not documents:
    st.info(t("docs_empty"))
else:
    by_kind: dict[str, int] = {}
    for d in documents:
        by_kind[d.kind] = by_kind.get(d.kind, 0) + 1
    cols = st.columns(min(len(by_kind), 6))
    for i, (kind, count) in enumerate(sorted(by_kind.items(), key=lambda kv: -kv[1])):
        cols[i % len(cols)].metric(kind_label(kind), count)
    table = pd.DataFrame(
        {
            t("col_kind"): [kind_label(d.kind) for d in documents],
            t("col_source"): [d.source for d in documents],
            t("col_title"): [d.title for d in documents],
            t("col_chunks"): [d.chunks for d in documents],
            t("col_ingested"): [d.ingested_at for d in documents],
        }
    )
    st.dataframe(table, hide_index=True, width="stretch")

    with st.expander(t("delete_button")):
        target = st.selectbox(t("delete_label"), [d.source for d in documents], index=None)
        if target:
            st.warning(t("delete_confirm", source=target))
            if st.button(t("delete_button"), type="secondary"):
                try:
                    removed = store.delete_document(target)
                except AxisError as exc:
                    st.error(str(exc))
                else:
                    st.toast(t("deleted", source=target, n=removed or 0))
                    st.rerun()

# -- search ---------------------------------------------------------------------------
st.subheader(t("search_header"))
kinds = sorted({d.kind for d in documents})
c1, c2, c3 = st.columns([4, 2, 1])
query = c1.text_input(t("search_label"), placeholder=t("search_placeholder"))
kind = c2.selectbox(
    t("search_kind"),
    [None, *kinds],
    format_func=lambda k: t("search_all") if k is None else kind_label(k),
)
k = c3.number_input(t("search_k"), min_value=1, max_value=50, value=5)

if query.strip():
    try:
        results = store.search(query, k=int(k), kind=kind)
    except AxisError as exc:
        st.error(str(exc))
        results = []
    if not results:
        st.info(t("search_none"))
    for i, r in enumerate(results, start=1):
        with st.container(border=True):
            where = cite_label(r.source, place_of(r.metadata), lang())
            st.markdown(f"**{t('search_result', i=i, source=where, kind=kind_label(r.kind))}**")
            details = [f"{t('score')} {r.score:.4f}", f"`{r.chunk_id[:12]}`"]
            details += [
                f"{key}: {r.metadata[key]}"
                for key in ("row", "date", "rep", "account", "stage", "month", "persona")
                if key in r.metadata
            ]
            st.caption(" · ".join(details))
            st.text(r.text)
