"""Actor pickers: a few hundred options, any actor by typed name."""
from dossier_app import pickers

RANKED = ["us", "ussr", "iran", "acme"]
NAMES = {"us": "United States", "ussr": "Soviet Union", "iran": "Iran", "acme": "Acme Mining Corp"}
LOOKUP = {"united states": "us", "u.s.": "us", "soviet union": "ussr", "iran": "iran", "acme mining corp": "acme"}


def test_options_put_the_picked_first_and_stay_short():
    assert pickers.options(RANKED, ["acme"], limit=2) == ["acme", "us", "ussr"]
    assert pickers.options(RANKED, [], limit=10) == RANKED


def test_resolve_typed_names():
    ids, unknown = pickers.resolve(["us", "U.S.", "mining", "zz", "Nowhere land"], NAMES, LOOKUP, RANKED, NAMES)
    assert ids == ["us", "acme"] and unknown == ["zz", "Nowhere land"]
