"""Corpus-wide steps over every article's stored rows (`steps.derive_stream`, `link.derive`).

They never parse text again and must not be quadratic in the number of documents. Empty on
purpose: importing this package loads nothing.
"""
