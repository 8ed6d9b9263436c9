"""URL <-> filters: valid values round-trip, hostile or unknown ones fall back to defaults."""
from datetime import date

import pytest

from dossier_app.filters import Filters, parse_params, to_params

LOOKUP = {"ali khamenei": "a1", "khamenei": "a1", "a1": "a1", "hamas": "o1", "o1": "o1"}
TYPES = {"PERSON", "ORG", "GPE"}
BOUNDS = (date(2023, 1, 1), date(2024, 12, 31))


@pytest.mark.parametrize("params, expected", [
    ({}, Filters()),
    ({"actor": ["Ali Khamenei"]}, Filters(actors=("a1",))),
    ({"actor": ["KHAMENEI", "a1", "Hamas"]}, Filters(actors=("a1", "o1"))),
    ({"actor": "hamas"}, Filters(actors=("o1",))),
    ({"actor": ["<script>alert(1)</script>", "Nobody"]}, Filters()),
    ({"actor": ["x" * 5000]}, Filters()),
    ({"start": ["2024-07-01"], "end": ["2024-07-31"]}, Filters(start=date(2024, 7, 1), end=date(2024, 7, 31))),
    ({"start": ["2024-07-31"], "end": ["2024-07-01"]}, Filters()),            # reversed range
    ({"start": ["2024-02-30"]}, Filters()),                                   # impossible date
    ({"start": ["1999-01-01"]}, Filters()),                                   # outside the corpus
    ({"start": ["2024-07-01T00:00"]}, Filters()),
    ({"start": ["'; DROP TABLE"]}, Filters()),
    ({"types": ["person,ORG,BOGUS,<b>"]}, Filters(types=("PERSON", "ORG"))),
    ({"other": ["kept by streamlit, ignored by us"]}, Filters()),
])
def test_parse_params(params, expected):
    assert parse_params(params, LOOKUP, TYPES, BOUNDS) == expected


def test_round_trip():
    f = Filters(actors=("a1", "o1"), start=date(2024, 7, 1), end=date(2024, 7, 31), types=("PERSON",))
    names = {"a1": "Ali Khamenei", "o1": "Hamas"}
    params = to_params(f, names)
    assert params == {"actor": ["Ali Khamenei", "Hamas"], "start": "2024-07-01", "end": "2024-07-31",
                      "types": "PERSON"}
    assert parse_params(params, LOOKUP, TYPES, BOUNDS) == f
    assert to_params(Filters(), names) == {}


def test_describe():
    f = Filters(actors=("a1",), start=date(2024, 7, 1), types=("PERSON", "ORG"))
    assert f.describe({"a1": "Ali Khamenei"}) == "Actors: Ali Khamenei; Dates: 2024-07-01 to …; Types: PERSON, ORG"
    assert Filters().describe({}) == "All actors, all dates"


@pytest.mark.parametrize("params, notes", [
    ({"actor": ["Ali Khamenei"], "start": ["2024-07-01"]}, []),
    ({"actor": ["NoSuchPerson", "hamas"]}, ["no actor called 'NoSuchPerson'"]),
    ({"start": ["garbage"]}, ["start 'garbage' is not a date (YYYY-MM-DD)"]),
    ({"start": ["2024-07-31"], "end": ["2024-07-01"]}, ["start 2024-07-31 is after end 2024-07-01"]),
    ({"end": ["1999-01-01"]}, ["end 1999-01-01 is outside the articles' dates (2023-01-01 to 2024-12-31)"]),
    ({"types": ["person,BOGUS"]}, ["no actor type 'BOGUS'"]),
    ({"actor": ["x" * 60]}, [f"no actor called '{'x' * 40}…'"]),
])
def test_what_the_url_asked_for_and_could_not_get_is_said(params, notes):
    said: list[str] = []
    parse_params(params, LOOKUP, TYPES, BOUNDS, said)
    assert said == notes
