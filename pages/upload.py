"""Upload: add articles from the browser; each file is saved or refused with a reason, then an incremental build."""
import pandas as pd
import streamlit as st

from dossier_app import data, state, upload
from dossier_app.text import md
from pipeline.uploads import UPLOAD_TYPES, Limits

data.ensure_entrypoint()          # opened first in a fresh server: rerun through app.py (sidebar, navigation)

st.title("Add articles")
folder, cache = upload.uploads_dir(), data.cache_dir()
limits = Limits()
st.caption(f"Files are kept in {md(folder)} and added to the cache in {md(cache)}. Only new or changed "
           f"articles are parsed; the rest of the corpus is reused.")

if (done := state.pop_upload_result()) is not None:
    report, build = done.report, done.build
    if build is not None and build.ok:
        st.success(f"Added {len(report.saved)} file{'s' * (len(report.saved) != 1)} to the corpus. "
                   f"{md(build.summary)}", icon=":material/check_circle:")
        st.page_link(data.page_path("timeline.py"), label="See them on the timeline", icon=":material/timeline:")
    elif build is not None:
        st.error("The build failed; the cache is unchanged and the files stay in the upload folder. "
                 + md(" ".join(build.messages[-3:])), icon=":material/error:")
    elif not report.saved:
        st.warning("Nothing was added.", icon=":material/warning:")
    refused = list(report.refused) + (upload.new_rejections(build, folder) if build else [])
    if refused:
        st.subheader(f"Not added ({len(refused)})")
        st.dataframe(pd.DataFrame(refused, columns=["file", "reason"]), hide_index=True, width="stretch")
    if report.saved:
        with st.expander(f"Saved files ({len(report.saved)})"):
            st.dataframe(pd.DataFrame([(s, p.as_posix()) for s, p in report.saved], columns=["uploaded", "saved as"]),
                         hide_index=True, width="stretch")

round_ = state.upload_round()          # a new round empties the uploaders
files = st.file_uploader("Articles", type=list(UPLOAD_TYPES), accept_multiple_files=True, key=f"files_{round_}",
                         help=f"Text, Markdown, saved web pages (HTML), JSONL or CSV exports, or zip files of them. "
                              f"Up to {limits.file_bytes // 2**20} MB per file and {limits.total_bytes // 2**20} MB "
                              f"in all.")
meta = st.file_uploader("Metadata CSV (optional)", type=["csv"], key=f"meta_{round_}",
                        help="Columns `file` (the uploaded file's name) and any of `title`, `outlet`, "
                             "`published` (YYYY-MM-DD) and `url`.")

if st.button("Add to corpus", type="primary", disabled=not files and meta is None, icon=":material/upload:"):
    bar = st.progress(0.0, text="Checking and saving the files…")
    note = st.empty()

    def progress(done: int, total: int) -> None:
        text = (f"Parsing articles: {done:,} of {total:,}" if done < total
                else "Finding actors, duplicates and links across the corpus, then writing the cache…")
        bar.progress(done / total if total else 1.0, text=text)

    result = upload.add_to_corpus([(f.name, f.getvalue()) for f in files or []],
                                  [(meta.name, meta.getvalue())] if meta is not None else [],
                                  cache, folder, on_progress=progress, on_message=lambda m: note.caption(md(m)))
    state.upload_done(result)
    st.rerun()
