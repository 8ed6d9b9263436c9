"""Dossier preprocessing pipeline: news articles -> Parquet cache (see README and DATA.md)."""

PIPELINE_VERSION = "0.2.0"
