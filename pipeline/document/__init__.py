"""Per-document stages: one cleaned Article and its spaCy Doc -> plain rows (`process.process`).

They see one document only, never other documents, the input files or the cache: they may run in
worker processes or on Dask workers. Empty on purpose: importing this package loads nothing.
"""
