"""Actors: the canonical actors with their aliases and counts."""
import streamlit as st

from dossier_app import data, query

corpus, filters = data.current()
st.title("Actors")
a = query.top_actors(corpus, len(corpus.actors), filters.types)
st.dataframe(a[["name", "type", "aliases", "n_mentions", "n_docs"]], hide_index=True)
