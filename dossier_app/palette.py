"""The app's colours, in one place: one palette per actor type, the same on every page, in every
chart and in the briefing pack, and colours for everything else chosen apart from it.

Okabe-Ito colours for the types (colour-blind safe; yellow left out, too faint on white). Anything
that is not an actor type (dates, quotes, counts, communities) never reuses a type colour, so a
mark never reads as "a person" or "an organisation" by accident.
"""
from __future__ import annotations

TYPE_COLORS: dict[str, str] = {
    "PERSON": "#0072B2",  # blue
    "ORG": "#E69F00",  # orange
    "GPE": "#009E73",  # bluish green
    "NORP": "#CC79A7",  # reddish purple
    "LOC": "#56B4E9",  # sky blue
}
OTHER_COLOR = "#999999"
TYPE_LABELS: dict[str, str] = {
    "PERSON": "Person",
    "ORG": "Organisation",
    "GPE": "Country, city, state",
    "NORP": "Nationality, religious or political group",
    "LOC": "Place",
}
# Communities get colours of their own (Paul Tol's muted scheme, colour-blind safe).
COMMUNITY_COLORS = ["#332288", "#CC6677", "#999933", "#882255", "#DDCC77", "#44AA99"]
QUOTE_EDGE_COLOR = "#D55E00"  # vermillion
COOC_EDGE_COLOR = "#8c8c8c"
NEUTRAL = "#52606D"           # counts that are not about one actor type (articles per month)
QUOTE_BG = "#fff3bf"          # quoted words in the reader
TIME_BG = "#e4e7eb"           # time expressions in the reader: grey, never a type's green


def type_color(actor_type) -> str:
    """The colour of an actor type (grey for any type outside the palette)."""
    return TYPE_COLORS.get(actor_type, OTHER_COLOR) if isinstance(actor_type, str) else OTHER_COLOR


def type_label(actor_type) -> str:
    """An actor type in words: "Person", "Organisation"… ("Other" outside the palette)."""
    return TYPE_LABELS.get(actor_type, "Other") if isinstance(actor_type, str) else "Other"
