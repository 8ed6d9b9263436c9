"""Input side: files -> RawArticle records (`ingest`) -> cleaned Articles (`clean`), and uploads.

No spaCy here: `build --if-stale` and the upload page import these without loading a model.
"""
