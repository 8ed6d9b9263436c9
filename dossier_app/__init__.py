"""Dossier's Streamlit side: data access, queries, charts and safe HTML shared by the pages."""
