"""The publication date: one rule for its precedence, and date parsing without the NLP stage."""
import subprocess
import sys
from datetime import date, datetime

import pandas as pd
import pytest

from pipeline.inputs.publication import as_date, plausible, settle

D1, D2, D3 = date(2024, 7, 31), date(2023, 11, 5), date(2020, 1, 1)


@pytest.mark.parametrize("candidates, expected", [
    ({}, (None, "none")),
    ({"metadata": None}, (None, "none")),
    ({"similar": D1}, (D1, "similar")),
    ({"text": D2, "similar": D1}, (D2, "text")),
    ({"dateline": D3, "text": D2}, (D3, "dateline")),
    ({"header": D1, "dateline": D3}, (D1, "header")),
    ({"metadata": D2, "header": D1, "dateline": D3, "text": D3, "similar": D3}, (D2, "metadata")),
    ({"metadata": None, "dateline": D3}, (D3, "dateline")),
])
def test_settle_takes_the_best_rung(candidates, expected):
    assert settle(candidates) == expected


@pytest.mark.parametrize("value, expected", [
    (D1, D1), (datetime(2024, 7, 31, 12), D1), (pd.Timestamp("2024-07-31"), D1), ("2024-07-31", D1),
    (None, None), (float("nan"), None), (pd.NaT, None), (pd.NA, None), ("not a date", None), (7, None),
])
def test_as_date(value, expected):
    assert as_date(value) == expected


@pytest.mark.parametrize("value, expected", [(D1, D1), (date(1066, 10, 14), None), (date(2999, 1, 1), None), (None, None)])
def test_plausible_metadata_dates(value, expected):
    assert plausible(value) == expected


def test_ingest_and_clean_do_not_load_the_nlp_stage():
    code = ("import sys, pipeline.inputs.ingest, pipeline.inputs.clean, pipeline.inputs.publication; "
            "print(sorted(m for m in ('spacy', 'pipeline.document.dates') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
