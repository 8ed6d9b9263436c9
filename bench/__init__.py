"""Benchmarks against public data (see bench/README.md). A package so that one benchmark can use
another's helpers (`from bench.reuters import read_corpus`); run one as `python -m bench.NAME ARGS`
from the repository root, or as `python bench/NAME.py ARGS` once `pip install -e .` has run."""
