"""Actors: canonical actors with aliases and counts; merge, rename, retype and hide them."""
import streamlit as st

from dossier_app import curation, data, pickers, query, state, upload
from dossier_app.text import md

corpus, filters = data.current()
st.title("Actors")
table = query.actor_table(corpus, filters.types)
rare = int((table.articles <= 1).sum())
show_rare = st.toggle(f"Include the {rare:,} actors seen in one article only", value=len(table) <= query.SMALL_CAST,
                      disabled=not rare) if rare else True
shown = table if show_rare else table[table.articles > 1]
st.caption(f"{len(shown):,} of {len(table):,} actors · automatic merging first, your rules in "
           f"{md(data.aliases_path())} second")
st.dataframe(shown.drop(columns=["actor_id"]), hide_index=True, key="actor_table", lazy=len(shown) > query.LAZY_ROWS,
             column_config={"aliases": st.column_config.TextColumn("aliases", width="large"),
                            "first": st.column_config.DateColumn("first"),
                            "last": st.column_config.DateColumn("last")})

known = set(corpus.names.values())
names = list(table.name.head(pickers.TOP_OPTIONS))
aliases = data.read_aliases()


def apply(make_rules, message: str, used: list) -> None:
    """Build the new rules (a ValueError is shown to the user), save them and re-derive actors."""
    try:
        curation.check_known(used, known)
        new_rules = make_rules()
    except ValueError as e:
        st.error(str(e))
        return
    picked = {a: corpus.names[a] for a in state.remembered(state.ACTORS) if a in corpus.names}
    with st.spinner("Re-deriving actors…"):
        state.follow_actors(data.save_and_follow(new_rules, picked))    # the filter follows merged actors
    state.push_undo(aliases, message)
    state.flash(message)
    st.rerun()


def undo() -> None:
    """Put back the rules as they were before the last change of this session."""
    before, message = state.pop_undo()
    picked = {a: corpus.names[a] for a in state.remembered(state.ACTORS) if a in corpus.names}
    with st.spinner("Re-deriving actors…"):
        state.follow_actors(data.save_and_follow(before, picked))
    state.flash(f"Undone: {message}")
    st.rerun()


if msg := state.pop_flash():
    st.success(md(msg))

if upload.readonly():
    st.caption("This is a read-only Dossier: merging, renaming and hiding actors are turned off.")
    st.stop()

st.subheader("Curate")
if (last := state.last_undo()) is not None:
    if st.button(f"Undo: {last}", icon=":material/undo:"):
        undo()
st.caption(f"The lists offer the {pickers.TOP_OPTIONS} most mentioned actors; type any other actor's exact name.")
merge_tab, rename_tab, type_tab, hide_tab, rules_tab = st.tabs(["Merge", "Rename", "Change type", "Hide", "Rules"])
with merge_tab, st.form("merge"):
    picked = st.multiselect("Actors to merge", names, key="merge_names", accept_new_options=True)
    target = st.selectbox("Keep the name of", names, index=None, key="merge_into", accept_new_options=True,
                          placeholder="pick the actor the others merge into")
    if st.form_submit_button("Merge"):
        apply(lambda: curation.merge(aliases, picked, target or ""), f"Merged {query.plural(len(picked), 'actor')} into {target}.",
              [*picked, target])
with rename_tab, st.form("rename"):
    who = st.selectbox("Actor", names, index=None, key="rename_who", accept_new_options=True)
    new = st.text_input("New name", key="rename_new", max_chars=120)
    if st.form_submit_button("Rename"):
        apply(lambda: curation.rename(aliases, who or "", new), f"Renamed {who} to {new.strip()}.", [who])
with type_tab, st.form("retype"):
    who_t = st.selectbox("Actor", names, index=None, key="retype_who", accept_new_options=True)
    typ = st.selectbox("Type", curation.TYPES, key="retype_type")
    if st.form_submit_button("Change type"):
        apply(lambda: curation.retype(aliases, who_t or "", typ), f"{who_t} is now {typ}.", [who_t])
with hide_tab, st.form("hide"):
    hidden = st.multiselect("Actors to hide", names, key="hide_names", accept_new_options=True,
                            help="Hidden actors leave every page; delete their rule under Rules to bring them back.")
    if st.form_submit_button("Hide"):
        apply(lambda: curation.hide(aliases, hidden), f"Hid {query.plural(len(hidden), 'actor')}.", hidden)
with rules_tab:
    st.caption("Every rule you made. Edit or delete rows, then save.")
    edited = st.data_editor(curation.for_editor(aliases), num_rows="dynamic", hide_index=True, key="rules_editor",
                            width="stretch", column_config={
                                "type": st.column_config.SelectboxColumn("type", options=curation.TYPES),
                                "hidden": st.column_config.CheckboxColumn("hidden")})
    if st.button("Save rules"):
        apply(lambda: curation.from_editor(edited), "Rules saved.", [])
