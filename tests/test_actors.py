"""pipeline.corpus.actors: corpus-wide canonical actors, user aliases, stable ids, and the samples' table."""
from __future__ import annotations

import time

import pandas as pd
import pytest

from helpers import ROOT
from pipeline.corpus import actors as A
from pipeline.document import entities as E

SAMPLES = sorted((ROOT / "data" / "sample").glob("*.txt"))


def mk(rows) -> pd.DataFrame:
    """Mentions from (doc_id, text, name, type) rows; name None means "same as text"."""
    recs = []
    for i, (doc, text, name, typ) in enumerate(rows):
        recs.append({"doc_id": doc, "start": i, "end": i + len(text), "text": text, "label": typ,
                     "sent": 0, "name": name or text, "type": typ})
    return pd.DataFrame(recs)


def actor_of(mentions, ids, actors, text) -> dict:
    """The actors row of the (single) actor the mentions with this surface text map to."""
    got = set(ids[mentions["text"] == text])
    assert len(got) == 1, f"{text!r} -> {got}"
    (aid,) = got
    if aid is None:
        return {}
    return actors.set_index("actor_id").loc[aid].to_dict() | {"actor_id": aid}


# ---------------------------------------------------------------- merging
MERGE_CASES = {
    "khamenei": ([("d1", "Ali Khamenei", None, "PERSON"), ("d1", "Ali Khamenei", None, "PERSON"),
                  ("d2", "Khamenei", None, "PERSON"), ("d3", "Ayatollah Ali Khamenei", "Ali Khamenei", "PERSON"),
                  ("d4", "Ayatollah Khamenei", "Khamenei", "PERSON")], "Ali Khamenei", "PERSON"),
    "haniyeh": ([("d1", "Ismail Haniyeh", None, "PERSON"), ("d2", "Ismail Haniyeh", None, "PERSON"),
                 ("d2", "Haniyeh", None, "PERSON"), ("d3", "Hanieh", None, "ORG")], "Ismail Haniyeh", "PERSON"),
    "tah": ([("d1", "Mahmoud Tah", None, "PERSON"), ("d1", "Mahmoud Tah", None, "PERSON"),
             ("d2", "Mahmud Tah", None, "PERSON")], "Mahmoud Tah", "PERSON"),
    "sudani": ([("d1", "Mohammed Shi al-Sudani", None, "PERSON"), ("d2", "Mohammed Shia al-Sudani", None, "PERSON"),
                ("d2", "Mohammed Shia al-Sudani", None, "PERSON"), ("d3", "al-Sudani", None, "PERSON")],
               "Mohammed Shia al-Sudani", "PERSON"),
    "iravani": ([("d1", "Amir Saeed Iravani", None, "PERSON"), ("d1", "Amir Said Iravani", None, "PERSON"),
                 ("d2", "Amir Saeed Iravani", None, "PERSON")], "Amir Saeed Iravani", "PERSON"),
    "us": ([("d1", "US", None, "GPE"), ("d1", "USA", None, "GPE"), ("d2", "the United States", None, "GPE"),
            ("d3", "United States", None, "GPE"), ("d3", "U.S.", None, "GPE")], "United States", "GPE"),
    "media": ([("d1", "NYT", None, "ORG"), ("d2", "the New York Times", None, "ORG")], "New York Times", "ORG"),
    "norp": ([("d1", "Palestinian", None, "NORP"), ("d2", "Palestinians", None, "NORP"),
              ("d2", "Palestinian", None, "NORP")], "Palestinian", "NORP"),
    "acronym": ([("d1", "UN", None, "ORG"), ("d1", "United Nations", None, "ORG"),
                 ("d2", "the United Nations", None, "ORG"), ("d2", "UN", None, "ORG")], "United Nations", "ORG"),
}


@pytest.mark.parametrize("case", sorted(MERGE_CASES))
def test_merges(case):
    rows, name, typ = MERGE_CASES[case]
    noise = [("d9", "Hamas", None, "ORG"), ("d9", "Israel", None, "GPE"), ("d9", "Benjamin Netanyahu", None, "PERSON")]
    mentions = mk(rows + noise)
    actors, ids = A.resolve(mentions)
    got = {actor_of(mentions, ids, actors, r[1])["actor_id"] for r in rows}
    assert len(got) == 1
    row = actors.set_index("actor_id").loc[got.pop()]
    assert (row["name"], row["type"], row["n_mentions"]) == (name, typ, len(rows))
    assert len(actors) == 4


SPLIT_CASES = {
    "hashemi": [("d1", "Ali Akbar Hashemi Rafsanjani", None, "PERSON"), ("d1", "Mohsen Hashemi", None, "PERSON")],
    "iravani": [("d1", "Amir Saeed Iravani", None, "PERSON"), ("d2", "Reza Iravani", None, "PERSON")],
    "jalili": [("d1", "Saeed Jalili", None, "PERSON"), ("d2", "Kazem Jalali", None, "PERSON")],
    "abbas": [("d1", "Mahmoud Abbas", None, "PERSON"), ("d2", "Mohammed Abbas", None, "PERSON")],
    "hamas": [("d1", "Hamas", None, "ORG"), ("d2", "Hama", None, "GPE")],
    "iran": [("d1", "Iran", None, "GPE"), ("d2", "Palestinian", None, "NORP"), ("d3", "Iraq", None, "GPE")],
    "korean": [("d1", "Korean", None, "NORP"), ("d2", "South Korea", None, "GPE"), ("d3", "North Korea", None, "GPE")],
    "reagan": [("d1", "Ronald Reagan", None, "PERSON"), ("d2", "Nancy Reagan", None, "PERSON"),
               ("d3", "Donald Regan", None, "PERSON"), ("d4", "Reagan", None, "PERSON")],   # two Reagans
    "nsc": [("d1", "NSC", "National Security Council", "ORG"), ("d2", "NSC", "Norfolk Southern Corp", "ORG"),
            ("d3", "NSC", None, "ORG")],                                     # the acronym of two orgs
    "jordan": [("d1", "Jordan", None, "GPE")] + [("d2", "Hamilton Jordan", None, "PERSON")] * 3,
}


@pytest.mark.parametrize("case", sorted(SPLIT_CASES))
def test_different_actors_stay_apart(case):
    rows = SPLIT_CASES[case]
    mentions = mk(rows)
    actors, ids = A.resolve(mentions)
    assert ids.nunique() == len({(r[1], r[2]) for r in rows}) == len(actors)


@pytest.mark.parametrize("surname,expected", [
    ("Hashemi", "Hashemi"),                 # two people called Hashemi: ambiguous, left alone
    ("Iravani", "Iravani"),
    ("Rafsanjani", "Ali Akbar Hashemi Rafsanjani"),
    ("Hashemi Rafsanjani", "Ali Akbar Hashemi Rafsanjani"),
    ("Jalili", "Saeed Jalili"),
    ("Jalali", "Kazem Jalali"),
    ("Khamenei", "Ali Khamenei"),
])
def test_surname_links_only_when_unambiguous(surname, expected):
    rows = [("d1", "Ali Akbar Hashemi Rafsanjani", None, "PERSON"), ("d1", "Mohsen Hashemi", None, "PERSON"),
            ("d2", "Amir Saeed Iravani", None, "PERSON"), ("d2", "Reza Iravani", None, "PERSON"),
            ("d3", "Saeed Jalili", None, "PERSON"), ("d3", "Kazem Jalali", None, "PERSON"),
            ("d4", "Ali Khamenei", None, "PERSON"), ("d5", surname, None, "PERSON")]
    mentions = mk(rows)
    actors, ids = A.resolve(mentions)
    assert actor_of(mentions, ids, actors, surname)["name"] == expected


def test_org_surname_needs_a_bigger_person():
    """A one-word ORG joins a person only when the person is more frequent (else it stays ORG)."""
    rows = [("d1", "Ismail Haniyeh", None, "PERSON")] + [("d2", "Hanieh", None, "ORG")] * 3
    mentions = mk(rows)
    actors, ids = A.resolve(mentions)
    assert actor_of(mentions, ids, actors, "Hanieh")["type"] == "ORG"
    assert len(actors) == 2


# ---------------------------------------------------------------- countries, capitals, companies, acronyms
# (text, NER type, expected actor name, expected type): demonyms count for their country; peoples,
# religions and regions that are not one state stay NORP actors.
DEMONYM_CASES = [
    ("Iranian", "NORP", "Iran", "GPE"), ("Iranians", "NORP", "Iran", "GPE"),
    ("Soviet", "NORP", "Soviet Union", "GPE"), ("Soviets", "NORP", "Soviet Union", "GPE"),
    ("West German", "NORP", "West Germany", "GPE"), ("West Germans", "NORP", "West Germany", "GPE"),
    ("Philippine", "NORP", "Philippines", "GPE"), ("Filipinos", "NORP", "Philippines", "GPE"),
    ("Israeli", "NORP", "Israel", "GPE"), ("Iraqi", "NORP", "Iraq", "GPE"),
    ("Kuwaiti", "GPE", "Kuwait", "GPE"), ("American", "NORP", "United States", "GPE"),
    ("British", "NORP", "United Kingdom", "GPE"), ("Saudi", "NORP", "Saudi Arabia", "GPE"),
    ("Lebanese", "NORP", "Lebanon", "GPE"),            # no "Lebanon" mention: still the country
    ("Dutch", "NORP", "Netherlands", "GPE"), ("Chinese", "NORP", "China", "GPE"),
    # negatives
    ("Palestinian", "NORP", "Palestinian", "NORP"), ("Palestinians", "NORP", "Palestinians", "NORP"),
    ("Kurds", "NORP", "Kurds", "NORP"), ("Shiite", "NORP", "Shiite", "NORP"), ("Zionist", "NORP", "Zionist", "NORP"),
    ("Arab", "NORP", "Arab", "NORP"), ("European", "NORP", "European", "NORP"), ("Jewish", "NORP", "Jewish", "NORP"),
    ("Korean", "NORP", "Korean", "NORP"), ("Latin American", "NORP", "Latin American", "NORP"),
    ("Persian", "NORP", "Persian", "NORP"),
]


@pytest.mark.parametrize("text,label,name,typ", DEMONYM_CASES)
def test_demonyms(text, label, name, typ):
    rows = [("d1", "Iran", None, "GPE"), ("d2", "Soviet Union", None, "GPE"), ("d2", "USSR", "Soviet Union", "GPE"),
            ("d3", "West Germany", None, "GPE"), ("d4", "Philippines", None, "GPE"), ("d5", "Israel", None, "GPE"),
            ("d5", "Iraq", None, "GPE"), ("d6", "Kuwait", None, "GPE"), ("d7", "United States", None, "GPE"),
            ("d8", "Palestine", None, "GPE"), ("d8", "Ali Iranian", None, "PERSON"), ("d9", text, None, label)]
    mentions = mk(rows)
    actors, ids = A.resolve(mentions)
    got = actor_of(mentions, ids, actors, text)
    assert (got["name"], got["type"]) == (name, typ)
    assert actor_of(mentions, ids, actors, "Ali Iranian")["name"] == "Ali Iranian"   # names are not demonyms
    if typ == "GPE" and name != text:
        assert text in got["aliases"]


def _no_display_is_another_alias(actors):
    shown = {A.name_key(n): n for n in actors["name"]}
    for n, forms in zip(actors["name"], actors["aliases"]):
        for f in forms:
            assert shown.get(A.name_key(f), n) == n, f"{f!r}: alias of {n!r} and an actor of its own"


@pytest.mark.parametrize("rows,city,country,city_name", [
    # "Washington said" is the United States; "talks in Washington" the city, shown as "Washington (city)"
    ([("d1", "Washington", "United States", "GPE"), ("d1", "U.S.", "United States", "GPE"),
      ("d2", "Washington", None, "GPE"), ("d3", "Washington", None, "GPE")], 2, 2, "Washington (city)"),
    ([("d1", "Tehran", "Iran", "GPE"), ("d2", "Tehran", None, "GPE"), ("d2", "Iran", None, "GPE")], 1, 2,
     "Tehran (city)"),
    ([("d1", "Moscow", "Soviet Union", "GPE"), ("d2", "Moscow", None, "GPE"), ("d2", "Soviets", None, "NORP")], 1, 2,
     "Moscow (city)"),
    # the capital never stands for its country in the corpus: no suffix
    ([("d1", "Beirut", None, "GPE"), ("d2", "Lebanon", None, "GPE")], 1, 1, "Beirut"),
    # not a capital: a plain place, even when a country is named like it elsewhere
    ([("d1", "New York", None, "GPE"), ("d2", "New York Times", None, "ORG")], 1, 0, "New York"),
])
def test_capital_city_is_unambiguous(rows, city, country, city_name):
    mentions = mk(rows)
    actors, ids = A.resolve(mentions)
    by_name = actors.set_index("name")
    assert by_name.loc[city_name, "n_mentions"] == city and by_name.loc[city_name, "type"] == "GPE"
    _no_display_is_another_alias(actors)
    if country:
        assert sum(by_name["n_mentions"]) - city == country


def test_capital_alias_row_still_merges_all():
    rows = [("d1", "Washington", "United States", "GPE"), ("d2", "Washington", None, "GPE")]
    mentions = mk(rows)
    actors, ids = A.resolve(mentions, _aliases(("Washington", "United States", "GPE", "")))
    assert list(actors["name"]) == ["United States"] and actors["n_mentions"].iloc[0] == 2


@pytest.mark.parametrize("alias,hidden,city_name", [
    ("Washington (city)", "true", None),                     # hide the city, keep the country
    ("Washington (city)", "", "Washington, D.C."),            # rename the city
])
def test_alias_rows_on_the_city_actor(alias, hidden, city_name):
    rows = [("d1", "Washington", "United States", "GPE"), ("d1", "U.S.", "United States", "GPE"),
            ("d2", "Washington", None, "GPE")]
    mentions = mk(rows)
    actors, ids = A.resolve(mentions, _aliases((alias, city_name or "", "", hidden)))
    by_name = actors.set_index("name")
    assert by_name.loc["United States", "n_mentions"] == 2
    assert list(actors["name"]) == ["United States"] + ([city_name] if city_name else [])
    assert ids.notna().sum() == (3 if city_name else 2)


@pytest.mark.parametrize("texts,name,typ", [
    ([("Deutsche Bank AG", "ORG"), ("Deutsche Bank AG", "ORG"), ("Deutsche Bank", "ORG")], "Deutsche Bank AG", "ORG"),
    ([("San Miguel Corp", "ORG"), ("San Miguel", "NORP"), ("San Miguel", "NORP")], "San Miguel", "ORG"),
    ([("Krupp AG", "ORG"), ("Krupp", "PERSON"), ("Krupp", "PERSON")], "Krupp", "ORG"),   # a legal form: ORG
    ([("Merrill Lynch and Co Inc", "ORG"), ("Merrill Lynch", "ORG"), ("Merrill Lynch", "ORG")], "Merrill Lynch", "ORG"),
    ([("Fed", "ORG"), ("Federal Reserve Board", "ORG"), ("Federal Reserve", "ORG")], "Federal Reserve", "ORG"),
    ([("USSR", "GPE"), ("Soviet Union", "GPE")], "Soviet Union", "GPE"),
    ([("EC", "ORG"), ("European Community", "ORG"), ("EEC", "ORG")], "European Community", "ORG"),
    ([("OECD", "ORG"), ("Organisation for Economic Cooperation and Development", "ORG")], "OECD", "ORG"),
    ([("International Coffee Organisation", "ORG"), ("International Coffee Organization", "ORG"),
      ("International Coffee Organization", "ORG")], "International Coffee Organization", "ORG"),
    ([("IMF", "ORG"), ("International Monetary Fund", "ORG")], "International Monetary Fund", "ORG"),
    ([("Opec", "ORG"), ("OPEC", "ORG"), ("Organization of Petroleum Exporting Countries", "ORG")], "OPEC", "ORG"),
    ([("Frg", "GPE"), ("Federal Republic of Germany", "GPE"), ("West Germany", "GPE")], "West Germany", "GPE"),
])
def test_org_and_country_variants(texts, name, typ):
    rows = [(f"d{i}", t, None, ty) for i, (t, ty) in enumerate(texts)] + [("d9", "Bank of America", None, "ORG")]
    mentions = mk(rows)
    actors, ids = A.resolve(mentions)
    got = {actor_of(mentions, ids, actors, t)["actor_id"] for t, _ in texts}
    assert len(got) == 1
    row = actors.set_index("actor_id").loc[got.pop()]
    assert (row["name"], row["type"], row["n_mentions"]) == (name, typ, len(texts))
    assert len(actors) == 2


def test_acronym_tied_to_one_org_in_documents():
    """"PCGG" written after the full name in one story is that commission where it stands alone."""
    rows = [("d1", "Presidential Commission on Good Government", None, "ORG"),
            ("d1", "PCGG", "Presidential Commission on Good Government", "ORG"),
            ("d2", "PCGG", None, "ORG"), ("d3", "PCGG", None, "ORG")]
    mentions = mk(rows)
    actors, ids = A.resolve(mentions)
    assert list(actors["name"]) == ["Presidential Commission on Good Government"]
    assert actors["n_mentions"].iloc[0] == 4


@pytest.mark.parametrize("rows,text,name", [
    # an exact surname wins over a spelling variant: Reagan is Ronald Reagan, not Donald Regan
    ([("d1", "Ronald Reagan", None, "PERSON"), ("d2", "Donald Regan", None, "PERSON"),
      ("d3", "Reagan", None, "PERSON")], "Reagan", "Ronald Reagan"),
    # NER's GPE for a surname joins the more frequent person, an exact surname over a variant
    ([("d1", "Ronald Reagan", None, "PERSON"), ("d1", "Ronald Reagan", None, "PERSON"), ("d2", "Donald Regan", None, "PERSON"),
      ("d2", "Donald Regan", None, "PERSON"), ("d3", "Regan", None, "GPE")], "Regan", "Donald Regan"),
    # NER's GPE for a surname joins the more frequent person
    ([("d1", "Masao Fujioka", None, "PERSON"), ("d1", "Masao Fujioka", None, "PERSON"),
      ("d2", "Fujioka", None, "GPE")], "Fujioka", "Masao Fujioka"),
])
def test_surname_rules(rows, text, name):
    mentions = mk(rows)
    actors, ids = A.resolve(mentions)
    got = actor_of(mentions, ids, actors, text)
    assert (got["name"], got["type"]) == (name, "PERSON")


# ---------------------------------------------------------------- user aliases
BASE = [("d1", "Ali Khamenei", None, "PERSON"), ("d1", "Khamenei", None, "PERSON"),
        ("d2", "Mohsen Hashemi", None, "PERSON"), ("d2", "Ali Akbar Hashemi Rafsanjani", None, "PERSON"),
        ("d3", "Hashemi", None, "PERSON"), ("d3", "Twitter", None, "ORG"), ("d3", "Twitter", None, "ORG"),
        ("d4", "Mahmoud Tah", None, "PERSON"), ("d4", "Mahmoud Tah", None, "PERSON"),
        ("d5", "Mahmud Tah", None, "PERSON"), ("d5", "Coordination Framework", None, "PERSON"),
        ("d6", "Washington", None, "GPE"), ("d6", "United States", None, "GPE")]


def _aliases(*rows):
    return pd.DataFrame(rows, columns=["alias", "canonical", "type", "hidden"])


def test_alias_merge_surname():
    mentions = mk(BASE)
    actors, ids = A.resolve(mentions, _aliases(("Hashemi", "Mohsen Hashemi", "", "")))
    assert actor_of(mentions, ids, actors, "Hashemi")["name"] == "Mohsen Hashemi"
    assert actor_of(mentions, ids, actors, "Mohsen Hashemi")["n_mentions"] == 2


def test_alias_merge_place():
    mentions = mk(BASE)
    actors, ids = A.resolve(mentions, _aliases(("Washington", "United States", "GPE", "false")))
    us = actor_of(mentions, ids, actors, "Washington")
    assert (us["name"], us["n_mentions"]) == ("United States", 2)


def test_alias_rename_whole_actor():
    """An alias naming an actor's display name renames it, with all its variants and surnames."""
    mentions = mk(BASE)
    actors, ids = A.resolve(mentions, _aliases(("Mahmoud Tah", "Mahmoud Taha", "", ""),
                                              ("Ali Khamenei", "Sayyid Ali Khamenei", "", "")))
    for text, name, n in [("Mahmud Tah", "Mahmoud Taha", 3), ("Mahmoud Tah", "Mahmoud Taha", 3),
                          ("Khamenei", "Sayyid Ali Khamenei", 2)]:
        a = actor_of(mentions, ids, actors, text)
        assert (a["name"], a["n_mentions"]) == (name, n)
    assert "Mahmoud Tah" not in set(actors["name"])


def test_alias_hide():
    mentions = mk(BASE)
    actors, ids = A.resolve(mentions, _aliases(("Twitter", "", "", "true")))
    assert ids[mentions["text"] == "Twitter"].isna().all()
    assert "Twitter" not in set(actors["name"])
    assert ids[mentions["text"] != "Twitter"].notna().all()


def test_alias_retype():
    mentions = mk(BASE)
    actors, ids = A.resolve(mentions, _aliases(("Coordination Framework", "Coordination Framework", "ORG", "")))
    assert actor_of(mentions, ids, actors, "Coordination Framework")["type"] == "ORG"


def test_aliases_file_ships_empty():
    table = pd.read_csv(ROOT / "data" / "aliases.csv")
    assert list(table.columns) == ["alias", "canonical", "type", "hidden"] and table.empty
    mentions = mk(BASE)
    a1, i1 = A.resolve(mentions, table)
    a2, i2 = A.resolve(mentions, None)
    pd.testing.assert_frame_equal(a1, a2)
    assert i1.equals(i2)


# ---------------------------------------------------------------- contract
def test_ids_stable_under_shuffle_and_index():
    mentions = mk(BASE + [r[:1] + r[1:] for r in MERGE_CASES["haniyeh"][0]])
    a1, i1 = A.resolve(mentions)
    shuffled = mentions.sample(frac=1, random_state=7)
    shuffled.index = shuffled.index * 10 + 3                    # not a RangeIndex
    a2, i2 = A.resolve(shuffled)
    assert i2.index.equals(shuffled.index)
    assert dict(zip(mentions["text"], i1)) == dict(zip(shuffled["text"], i2))
    pd.testing.assert_frame_equal(a1, a2)


def test_table_contract():
    mentions = mk(BASE)
    mentions.loc[len(mentions)] = {"doc_id": "d7", "start": 0, "end": 1, "text": "x", "label": "PERSON",
                                   "sent": 0, "name": None, "type": None}
    actors, ids = A.resolve(mentions)
    assert list(actors.columns[:6]) == ["actor_id", "name", "type", "aliases", "n_mentions", "n_docs"]
    assert actors["n_mentions"].dtype == "int32" and actors["n_docs"].dtype == "int32"
    assert actors["actor_id"].is_unique and all(isinstance(a, list) for a in actors["aliases"])
    assert ids.iloc[-1] is None or pd.isna(ids.iloc[-1])
    assert actors["n_mentions"].sum() == ids.notna().sum()
    assert set(ids.dropna()) == set(actors["actor_id"])
    kh = actor_of(mentions, ids, actors, "Khamenei")
    assert kh["aliases"] == ["Khamenei"] and kh["n_docs"] == 1


def test_empty_input():
    actors, ids = A.resolve(mk([]).reindex(columns=["doc_id", "start", "end", "text", "label", "sent", "name", "type"]))
    assert actors.empty and list(actors.columns[:6]) == A.ACTOR_COLS and ids.empty


def test_fast_on_many_mentions():
    """200k mentions of ~2.5k names in well under the budget (1M mentions must take < 1 min), and
    right: shared surnames stay apart, a surname of exactly one person joins that person."""
    firsts = ["Ali", "Reza", "Omar", "Sara", "Lena", "Ivan", "Maya", "Noah", "Emma", "Yusuf"]
    lasts = [f"{a}{b}{c}" for a in ("Kar", "Mol", "Tes", "Bar", "Hud", "Fen") for b in ("an", "ov", "el", "ix")
             for c in ("ski", "ero", "sen", "oto", "ley", "ard")]
    solo = [f"Zu{b}{c}" for b in ("pa", "ko", "mi", "te") for c in ("rov", "lin", "dez", "buk", "mah")]
    names = ([f"{f} {l}" for f in firsts for l in lasts] + lasts + [f"{l} Council" for l in lasts]
             + [f"Nadia {s}" for s in solo] + solo)
    types = {n: "ORG" if n.endswith("Council") else "PERSON" for n in names}
    n = 200_000
    picked = [names[(i * 7919) % len(names)] for i in range(n)]
    mentions = pd.DataFrame({"doc_id": [f"d{i % 5000}" for i in range(n)], "start": 0, "end": 1,
                             "text": picked, "label": "PERSON", "sent": 0, "name": picked,
                             "type": [types[p] for p in picked]})
    t = time.perf_counter()
    actors, ids = A.resolve(mentions)
    assert time.perf_counter() - t < 10
    assert ids.notna().all()
    assert len(actors) == len(firsts) * len(lasts) + 2 * len(lasts) + len(solo)
    assert set(ids[mentions["text"] == "Zupalin"]) == set(ids[mentions["text"] == "Nadia Zupalin"])


# ---------------------------------------------------------------- the samples' actor table
def _sample_mentions(nlp, use_clean: bool) -> pd.DataFrame:
    from pipeline.inputs.article import RawArticle
    from pipeline.inputs.clean import clean
    rows = []
    for p in SAMPLES:
        text = p.read_text(encoding="utf-8")
        if use_clean:
            for art in clean(RawArticle(path=str(p), text=text)):
                spans = [(b.start, b.end) for b in art.blocks if b.role != "body"]
                skip = (lambda sp: lambda off: any(s <= off < e for s, e in sp))(spans)
                rows += [m | {"doc_id": art.doc_id} for m in E.extract_mentions(nlp(art.text), skip)]
        else:
            rows += [m | {"doc_id": p.name} for m in E.extract_mentions(nlp(text))]
    return pd.DataFrame(rows)[["doc_id", "start", "end", "text", "label", "sent", "name", "type"]]


@pytest.fixture(scope="module", params=["clean", "raw"])
def sample_actors(nlp, request):
    mentions = _sample_mentions(nlp, request.param == "clean")
    actors, ids = A.resolve(mentions)
    return request.param, mentions, actors, ids


def _id(mentions, ids, **kw):
    sel = pd.Series(True, index=mentions.index)
    for k, v in kw.items():
        sel &= mentions[k] == v
    return set(ids[sel])


@pytest.mark.parametrize("texts,name,typ", [
    (["Khamenei", "Ali Khamenei"], "Ali Khamenei", "PERSON"),
    (["Haniyeh", "Ismail Haniyeh", "Hanieh"], "Ismail Haniyeh", "PERSON"),
    (["Mahmoud Tah", "Mahmud Tah"], "Mahmoud Tah", "PERSON"),
    (["Amir Saeed Iravani", "Amir Said Iravani"], "Amir Saeed Iravani", "PERSON"),
    (["US", "USA", "United States"], "United States", "GPE"),
    (["Tasnim"], "Tasnim", "ORG"),
    (["Mehr"], "Mehr", "ORG"),
    (["Al-Arabiya News"], "Al Arabiya", "ORG"),
    (["Khalil Al-Hayya", "Khalil al-Hayya"], "Khalil al-Hayya", "PERSON"),
    (["UN", "United Nations"], "United Nations", "ORG"),
    (["Shekarchi", "Abolfazl Shekarchi"], "Abolfazl Shekarchi", "PERSON"),
    (["Iranian", "Iran"], "Iran", "GPE"),                      # demonyms count for the country
    (["Israeli", "Israel"], "Israel", "GPE"),
    (["Palestinian", "Palestinians"], "Palestinian", "NORP"),  # a people, not a state: stays NORP
])
def test_sample_actor(sample_actors, texts, name, typ):
    mode, mentions, actors, ids = sample_actors
    got = set().union(*(_id(mentions, ids, text=t) for t in texts))
    assert len(got) == 1, f"{texts} -> {got}"
    row = actors.set_index("actor_id").loc[got.pop()]
    assert (row["name"], row["type"]) == (name, typ)
    assert set(texts) - {name} <= set(row["aliases"])


def test_sample_al_sudani_spellings(sample_actors):
    mode, mentions, actors, ids = sample_actors
    texts = ["Mohammed Shia al-Sudani"] + (["Mohammed Shi al-Sudani"] if mode == "raw" else [])
    got = set().union(*(_id(mentions, ids, text=t) for t in texts))
    assert len(got) == 1
    # raw: 4 caption mentions "Shi" + 1 body "Shia"; clean: captions skipped, the body one only
    assert actors.set_index("actor_id").loc[got.pop(), "n_mentions"] == (5 if mode == "raw" else 1)


def test_sample_people_kept_apart(sample_actors):
    mode, mentions, actors, ids = sample_actors
    names = actors.set_index("name")
    for a, b in [("Saeed Jalili", "Kazem Jalali"), ("Saeed Jalili", "Mohammadreza Jalaeipour"), ("Mohsen Hashemi", "Ali Akbar Hashemi Rafsanjani"),
                 ("Ali Khamenei", "Ali Akbar Hashemi Rafsanjani"), ("Ismail Haniyeh", "Othman Hamdan")]:
        assert a in names.index and b in names.index
        assert names.loc[a, "actor_id"] != names.loc[b, "actor_id"]


def test_sample_no_bad_actors(sample_actors):
    mode, mentions, actors, ids = sample_actors
    names = set(actors["name"])
    assert not names & {"Khamenei Ordered Strike", "Haniyeh Briefs Khamenei", "Iraq Preoccupied",
                        "Mahmud TahHamas", "John Kirby Coordinator", "Head Khalil Al-Hayya", "Supreme",
                        "Hanieh", "Khamenei", "Haniyeh", "USA", "US", "Jamharan", "TT", "Response", "Media",
                        "Middle East", "Shekarchi", "Netanyahu"}
    persons = set(actors.loc[actors["type"] == "PERSON", "name"])
    assert not persons & {"Tasnim", "Twitter", "Coordination Framework", "Mehr"}
    assert not any(w in n.split() for n in persons for w in ("Ayatollah", "President", "Minister", "Head",
                                                            "Coordinator", "Supreme", "Leader", "Defense"))
    assert len(actors[actors["name"] == "United States"]) == 1
    assert not set(actors["name"]) & {"Iranian", "Israeli", "Iraqi", "Lebanese", "American", "Palestine"}
    _no_display_is_another_alias(actors)


# ---------------------------------------------------------------- types at scale (issue 8)
# A name with a company legal form is a company, never the country it names ("America Inc",
# "Japan Inc.", "France SA"); the country keeps its type and none of those aliases.
# (rows, surface form, expected actor name, expected type, a form that must NOT be an alias)
COMPANY_FORM_CASES = [
    ([("d1", "United States", None, "GPE"), ("d2", "U.S.", "United States", "GPE"), ("d3", "America Inc", None, "ORG")],
     "America Inc", "America Inc", "ORG"),
    ([("d1", "Japan", None, "GPE"), ("d2", "Japan Inc.", None, "ORG"), ("d3", "Japan Inc", None, "ORG")],
     "Japan Inc.", "Japan Inc", "ORG"),
    ([("d1", "Japan", None, "GPE"), ("d2", "Japan Ltd", None, "ORG")], "Japan Ltd", "Japan Ltd", "ORG"),
    ([("d1", "France", None, "GPE"), ("d2", "France SA", None, "ORG")], "France SA", "France SA", "ORG"),
    ([("d1", "Canada", None, "GPE"), ("d2", "Tokyo Corp", None, "ORG"), ("d3", "Tokyo", None, "GPE")],
     "Tokyo Corp", "Tokyo Corp", "ORG"),
    # any place the corpus shows as one, not only countries and capitals (19k Reuters: "New York Inc.")
    ([("d1", "New York", None, "GPE"), ("d2", "New York", None, "GPE"), ("d3", "New York Inc.", None, "ORG")],
     "New York Inc.", "New York Inc.", "ORG"),
    ([("d1", "New York", None, "GPE"), ("d2", "New York", None, "GPE"), ("d3", "New York Inc.", None, "ORG")],
     "New York", "New York", "GPE"),
    # one stray GPE label does not make a company's short name a place (19k Reuters: "Wrather")
    ([("d1", "Wrather", None, "GPE"), ("d2", "Wrather Corp", None, "ORG"), ("d3", "Wrather Corp", None, "ORG")],
     "Wrather", "Wrather Corp", "ORG"),
    # negatives: legal forms still fold for other names; the country stays the country
    ([("d1", "Deutsche Bank", None, "ORG"), ("d2", "Deutsche Bank AG", None, "ORG"), ("d3", "Germany", None, "GPE")],
     "Deutsche Bank AG", "Deutsche Bank", "ORG"),
    ([("d1", "Bank of Japan", None, "ORG"), ("d1", "Bank of Japan", None, "ORG"), ("d2", "Bank of Japan Ltd", None, "ORG"),
      ("d3", "Japan", None, "GPE")], "Bank of Japan Ltd", "Bank of Japan", "ORG"),
    ([("d1", "Japan", None, "GPE"), ("d2", "Japan Inc.", None, "ORG")], "Japan", "Japan", "GPE"),
    ([("d1", "USA", "United States", "GPE"), ("d2", "America Inc", None, "ORG")], "USA", "United States", "GPE"),
]


@pytest.mark.parametrize("rows,text,name,typ", COMPANY_FORM_CASES)
def test_company_form_is_never_the_country(rows, text, name, typ):
    mentions = mk(rows)
    actors, ids = A.resolve(mentions)
    got = actor_of(mentions, ids, actors, text)
    assert (got["name"], got["type"]) == (name, typ)
    for r in actors.itertuples():
        if r.type == "GPE":
            assert not [a for a in r.aliases if a.split()[-1].rstrip(".").lower() in ("inc", "ltd", "sa", "corp")]


def test_a_company_named_like_an_org_still_folds():
    """Only a place's base splits: "Acme Mining" (ORG) and "Acme Mining Inc." stay one actor."""
    mentions = mk([("d1", "Acme Mining", None, "ORG"), ("d2", "Acme Mining Inc.", None, "ORG")])
    actors, ids = A.resolve(mentions)
    assert list(actors.name) == ["Acme Mining"] and actors.type.item() == "ORG"


# A country's or capital's actor follows its mentions, ORG labels counting as the place: ties and
# ORG-leaning votes stay GPE; demonyms count for their country. Other names keep the vote.
PLACE_VOTE_CASES = [
    ([("Japan", "ORG"), ("Japan", "ORG"), ("Japan", "GPE")], "Japan", "GPE"),          # leans ORG
    ([("Canada", "ORG"), ("Canada", "GPE")], "Canada", "GPE"),                          # tie
    ([("Tokyo", "ORG"), ("Tokyo", "ORG"), ("Tokyo", "GPE")], "Tokyo", "GPE"),          # a capital
    ([("U.S.", "ORG"), ("U.S.", "ORG"), ("American", "NORP"), ("Americans", "NORP")], "United States", "GPE"),
    ([("France", "ORG"), ("French", "NORP"), ("France", "ORG")], "France", "GPE"),
    ([("Soviet", "NORP"), ("Soviet Union", "ORG"), ("Soviets", "NORP")], "Soviet Union", "GPE"),
    ([("Washington", "ORG"), ("Washington", "ORG"), ("Washington", "GPE")], "Washington", "GPE"),
    # negatives: not a place, the majority and the usual tie order decide
    ([("Acme", "ORG"), ("Acme", "ORG"), ("Acme", "GPE")], "Acme", "ORG"),
    ([("Hamas", "ORG"), ("Hamas", "GPE")], "Hamas", "ORG"),
    ([("Gabon", "PERSON"), ("Gabon", "PERSON"), ("Gabon", "GPE")], "Gabon", "GPE"),       # NER's PERSON country
    # a capital's PERSON majority is evidence (people linked in their documents never get here)
    ([("Washington", "PERSON"), ("Washington", "PERSON"), ("Washington", "GPE")], "Washington", "PERSON"),
]


@pytest.mark.parametrize("texts,name,typ", PLACE_VOTE_CASES)
def test_place_type_follows_evidence(texts, name, typ):
    mentions = mk([(f"d{i}", t, None, ty) for i, (t, ty) in enumerate(texts)] + [("d9", "Israel", None, "GPE")])
    actors, ids = A.resolve(mentions)
    got = {actor_of(mentions, ids, actors, t)["actor_id"] for t, _ in texts}
    assert len(got) == 1
    row = actors.set_index("actor_id").loc[got.pop()]
    assert (row["name"], row["type"]) == (name, typ)


@pytest.mark.parametrize("rows,text,name,typ", [
    # a club is its own actor, apart from the city; a person named like a capital is the person
    ([("d1", "Liverpool", "Liverpool (club)", "ORG"), ("d2", "Liverpool", None, "GPE"), ("d3", "Liverpool", None, "GPE")],
     "Liverpool", None, None),
    ([("d1", "Harold Washington", None, "PERSON"), ("d1", "Washington", "Harold Washington", "PERSON"),
      ("d2", "Washington", "United States", "GPE"), ("d3", "U.S.", "United States", "GPE")], "Harold Washington",
     "Harold Washington", "PERSON"),
])
def test_clubs_and_people_stay_apart_from_places(rows, text, name, typ):
    mentions = mk(rows)
    actors, ids = A.resolve(mentions)
    by_name = actors.set_index("name")
    if name is None:      # the club case
        assert by_name.loc["Liverpool (club)", "type"] == "ORG" and by_name.loc["Liverpool (club)", "n_mentions"] == 1
        assert by_name.loc["Liverpool", "type"] == "GPE" and by_name.loc["Liverpool", "n_mentions"] == 2
        return
    got = actor_of(mentions, ids, actors, text)
    assert (got["name"], got["type"], got["n_mentions"]) == (name, typ, 2)
    assert by_name.loc["United States", "n_mentions"] == 2


# The company named after a place stays apart under the user's alias rules too, and ids do not
# swap between the place and the company as the corpus grows (review of fd18db5).
NEW_YORK = [("d1", "New York", None, "GPE"), ("d2", "New York", None, "GPE"), ("d3", "New York Inc.", None, "ORG"),
            ("d4", "NYI", None, "ORG")]


@pytest.mark.parametrize("rule, text, name, typ", [
    (("NYI", "New York Inc.", "", ""), "NYI", "New York Inc.", "ORG"),       # a merge into the company
    (("NYI", "New York Inc.", "", ""), "New York", "New York", "GPE"),       # ... leaves the city alone
    (("New York", "New York State", "", ""), "New York Inc.", "New York Inc.", "ORG"),   # a rename of the city
    (("New York", "New York State", "", ""), "New York", "New York State", "GPE"),
    (("New York Inc.", "NYI Holdings", "", ""), "New York", "New York", "GPE"),  # a rename of the company
    (("New York Inc.", "NYI Holdings", "", ""), "New York Inc.", "NYI Holdings", "ORG"),
])
def test_alias_rules_keep_the_company_apart_from_the_place(rule, text, name, typ):
    mentions = mk(NEW_YORK)
    actors, ids = A.resolve(mentions, _aliases(rule))
    got = actor_of(mentions, ids, actors, text)
    assert (got["name"], got["type"]) == (name, typ)


def test_hiding_the_place_keeps_the_company():
    mentions = mk(NEW_YORK)
    actors, ids = A.resolve(mentions, _aliases(("New York", "", "", "true")))
    assert ids[mentions["text"] == "New York"].isna().all()
    assert actor_of(mentions, ids, actors, "New York Inc.")["name"] == "New York Inc."


@pytest.mark.parametrize("n_company", [1, 4])
def test_the_place_keeps_its_id_however_big_the_company_grows(n_company):
    rows = NEW_YORK[:2] * 3 + [(f"c{i}", "New York Inc.", None, "ORG") for i in range(n_company)]
    mentions = mk(rows)
    actors, ids = A.resolve(mentions)
    assert actor_of(mentions, ids, actors, "New York")["actor_id"] == A.actor_id_for("New York")
    assert actor_of(mentions, ids, actors, "New York Inc.")["actor_id"] != A.actor_id_for("New York")
