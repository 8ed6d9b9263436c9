"""pipeline.document.entities: actor mentions of one document (cleaning, re-typing, in-document linking)."""
from __future__ import annotations

import pytest

from helpers import ROOT
from pipeline.document import entities as E

SAMPLES = sorted((ROOT / "data" / "sample").glob("*.txt"))


def _skipper(article):
    """True inside non-body lines (what the orchestrator passes; pipeline.document.process.skipper)."""
    spans = [(b.start, b.end) for b in article.blocks if b.role != "body"]
    return lambda off: any(s <= off < e for s, e in spans)


@pytest.fixture(scope="module")
def raw_docs(nlp):
    """Sample files parsed as they are, every line kept (skip never True)."""
    out = {}
    for p in SAMPLES:
        doc = nlp(p.read_text(encoding="utf-8"))
        out[p.name[:3]] = (doc, E.extract_mentions(doc))
    return out


@pytest.fixture(scope="module")
def clean_docs(nlp):
    """Sample files through pipeline.inputs.clean, with headline/caption/byline/dateline lines skipped."""
    from pipeline.inputs.article import RawArticle
    from pipeline.inputs.clean import clean
    out = {}
    for p in SAMPLES:
        for n, art in enumerate(clean(RawArticle(path=str(p), text=p.read_text(encoding="utf-8")))):
            doc = nlp(art.text)
            skip = _skipper(art)
            out[f"{p.name[:3]}#{n}"] = (doc, E.extract_mentions(doc, skip), skip)
    return out


def _by_text(mentions, text):
    return [m for m in mentions if m["text"] == text]


# ---------------------------------------------------------------- name helpers
@pytest.mark.parametrize("a,b,same", [
    ("Mahmoud Tah", "Mahmud Tah", True),
    ("Mohammed Shi al-Sudani", "Mohammed Shia al-Sudani", True),
    ("Amir Saeed Iravani", "Amir Said Iravani", True),
    ("Ismail Haniyeh", "Ismail Hanieh", True),
    ("Khalil Al-Hayya", "Khalil al-Hayya", True),
    ("Mohammed bin Salman", "Muhammad bin Salman", True),
    ("Saeed Jalili", "Kazem Jalali", False),          # fuzzy surnames, different first names
    ("Saeed Jalili", "Saeed Jalali", False),          # Jalili/Jalali are different surnames
    ("Amir Saeed Iravani", "Reza Iravani", False),
    ("Mohsen Hashemi", "Ali Akbar Hashemi Rafsanjani", False),
    ("Ali Khamenei", "Ali Larijani", False),
    ("Mahmoud Abbas", "Mohammed Abbas", False),        # Mahmoud and Mohammed are different names
])
def test_same_person(a, b, same):
    assert E.same_person(E.name_tokens(a), E.name_tokens(b)) is same
    assert E.same_person(E.name_tokens(b), E.name_tokens(a)) is same


@pytest.mark.parametrize("part,full,fits", [
    ("Khamenei", "Ali Khamenei", True),
    ("Hanieh", "Ismail Haniyeh", True),
    ("Hashemi Rafsanjani", "Ali Akbar Hashemi Rafsanjani", True),
    ("Hashemi", "Mohsen Hashemi", True),
    ("Jalali", "Saeed Jalili", False),
    ("Ali", "Ali Khamenei", False),                    # a first name is not a surname
])
def test_part_of(part, full, fits):
    assert E.part_of(E.name_tokens(part), E.name_tokens(full)) is fits


# ---------------------------------------------------------------- samples: cleaned spans and types
@pytest.mark.parametrize("doc_key,text,name,typ", [
    ("000", "Ali Khamenei", "Ali Khamenei", "PERSON"),          # "Supreme Leader" stripped
    ("000", "Mahmud Tah", "Mahmud Tah", "PERSON"),              # "Mahmud TahHamas" split
    ("000", "John Kirby", "John Kirby", "PERSON"),              # "John Kirby Coordinator"
    ("000", "Khalil Al-Hayya", "Khalil al-Hayya", "PERSON"),    # "Head Khalil Al-Hayya"
    ("000", "Washington", "United States", "GPE"),              # "coordinated with Washington"
    ("000", "United States", "United States", "GPE"),
    ("000", "US", "United States", "GPE"),
    ("000", "Politburo", "Hamas Politburo", "ORG"),
    ("000", "Kazem Jalali", "Kazem Jalali", "PERSON"),          # missed by NER: "Ambassador to Russia ..."
    ("000", "NSC", "White House National Security Council", "ORG"),
    ("001", "Ali Khamenei", "Ali Khamenei", "PERSON"),          # "Ayatollah Ali Khamenei"
    ("001", "Khamenei", "Ali Khamenei", "PERSON"),
    ("001", "USA", "United States", "GPE"),
    ("001", "New York Times", "New York Times", "ORG"),
    ("001", "Netanyahu", "Benjamin Netanyahu", "PERSON"),
    ("001", "Security Council", "UN Security Council", "ORG"),
    ("002", "Twitter", "Twitter", "ORG"),
    ("003", "Tasnim", "Tasnim", "ORG"),
    ("003", "Mehr", "Mehr", "ORG"),
    ("003", "ISNA", "ISNA", "ORG"),
    ("003", "Hanieh", "Ismail Haniyeh", "PERSON"),              # NER: ORG
    ("003", "Shekarchi", "Abolfazl Shekarchi", "PERSON"),       # NER: ORG
    ("003", "Lloyd Austin", "Lloyd Austin", "PERSON"),          # NER: ORG "Defense Lloyd Austin"
    ("003", "Coordination Framework", "Coordination Framework", "ORG"),   # NER: PERSON once
    ("003", "Sinjar", "Sinjar", "GPE"),                         # "the Sinjar province"
    ("003", "Ali Akbar Hashemi Rafsanjani", "Ali Akbar Hashemi Rafsanjani", "PERSON"),
    ("003", "Mohammed Shi al-Sudani", "Mohammed Shi al-Sudani", "PERSON"),
    ("004", "Al-Arabiya News", "Al Arabiya", "ORG"),
    ("004", "Khamenei", "Ali Khamenei", "PERSON"),
])
def test_sample_mentions(raw_docs, doc_key, text, name, typ):
    ms = _by_text(raw_docs[doc_key][1], text)
    assert ms, f"no mention {text!r} in {doc_key}"
    assert {(m["name"], m["type"]) for m in ms} == {(name, typ)}


def test_glue_tail_is_an_org_mention(raw_docs):
    doc, ms = raw_docs["000"]
    tah = _by_text(ms, "Mahmud Tah")[0]
    nxt = [m for m in ms if m["start"] == tah["end"]]
    assert [(m["text"], m["type"]) for m in nxt] == [("Hamas", "ORG")]


@pytest.mark.parametrize("bad", [
    "Khamenei Ordered Strike", "Haniyeh Briefs Khamenei", "Iraq Preoccupied", "Mahmud TahHamas",
    "John Kirby Coordinator", "Head Khalil Al-Hayya", "Hashemi Rafsanjani's", "Supreme", "supreme",
    "Interior", "Response", "Media", "TT", "Jamharan", "Operation Al-Aqsa Storm", "Middle East",
    "the Middle East", "Golan Heights", "pro-Iran", "Defense Lloyd Austin", "Ali Akbar",
])
def test_rejected_spans(raw_docs, bad):
    for doc, ms in raw_docs.values():
        assert not [m for m in ms if bad in (m["text"], m["name"])]


def test_headline_fragment_keeps_known_names(raw_docs):
    """With no skip, "Khamenei Ordered Strike" still yields Khamenei (a person of the article)."""
    doc, ms = raw_docs["000"]
    first_line_end = doc.text.index("\n")
    head = [m for m in ms if m["end"] <= first_line_end]
    assert [(m["text"], m["name"]) for m in head if m["type"] == "PERSON"] == [("Khamenei", "Ali Khamenei")]
    assert not [m for m in head if m["text"] == "Strike"]


def test_roles_are_kept(raw_docs):
    roles = {(m["text"], m["role"]) for doc, ms in raw_docs.values() for m in ms if m["role"]}
    assert ("Ali Khamenei", "Supreme Leader") in roles
    assert ("Khalil Al-Hayya", "Deputy Head") in roles
    assert ("Lloyd Austin", "US Secretary of Defense") in roles
    assert ("Benjamin Netanyahu", "Prime Minister") in roles


def test_capital_as_place_or_government(raw_docs):
    doc, ms = raw_docs["002"]
    tehran = {(doc.text[m["start"] - 3:m["start"]], m["name"]) for m in _by_text(ms, "Tehran")}
    assert ("in ", "Tehran") in tehran                         # "met ... in Tehran"
    assert ("at ", "Iran") in tehran                           # "that Tehran was not engaged"


def test_mention_invariants(raw_docs, clean_docs):
    docs = [(d, ms) for d, ms in raw_docs.values()] + [(d, ms) for d, ms, _ in clean_docs.values()]
    for doc, ms in docs:
        sents = list(doc.sents)
        for m in ms:
            assert doc.text[m["start"]:m["end"]] == m["text"]
            assert m["text"] == m["text"].strip() and not m["text"].endswith(("'s", "\u2019s"))
            assert m["type"] in {"PERSON", "ORG", "GPE", "NORP"}
            assert m["label"] in {"PERSON", "ORG", "GPE", "NORP", "RULE"}
            s = sents[m["sent"]]
            assert s.start_char <= m["start"] < s.end_char
        assert [m["start"] for m in ms] == sorted(m["start"] for m in ms)


def test_skipped_lines_have_no_mentions(clean_docs):
    n_skipped_ents = 0
    for doc, ms, skip in clean_docs.values():
        assert not [m for m in ms if skip(m["start"])]
        n_skipped_ents += sum(1 for e in doc.ents if skip(e.start_char))
    assert n_skipped_ents > 5          # the samples do have headline/caption entities to skip


def test_clean_samples_no_fragments(clean_docs):
    names = {m["name"] for _, ms, _ in clean_docs.values() for m in ms}
    assert {"Ali Khamenei", "Ismail Haniyeh", "Mahmud Tah", "Mohammed Shia al-Sudani"} <= names
    assert not names & {"Khamenei Ordered Strike", "Haniyeh Briefs Khamenei", "Iraq Preoccupied",
                        "Gaza Developments", "MonsterInsights"}


def test_custom_skip_drops_first_line(nlp):
    doc = nlp("Netanyahu Warns Iran\nIsraeli Prime Minister Benjamin Netanyahu warned Iran on Sunday.")
    cut = doc.text.index("\n")
    ms = E.extract_mentions(doc, lambda off: off < cut)
    assert ms and all(m["start"] > cut for m in ms)
    assert ("Benjamin Netanyahu", "PERSON") in {(m["name"], m["type"]) for m in ms}


def test_empty_doc(nlp):
    assert E.extract_mentions(nlp("")) == []
    assert E.extract_mentions(nlp("no names here at all.")) == []


@pytest.mark.parametrize("text,expected", [
    ("Former British prime minister John Major met Larry King.",
     [("John Major", "John Major", "PERSON"), ("Larry King", "Larry King", "PERSON")]),   # surnames, not titles
    ("Grand Ayatollah Ali al-Sistani\n\nPresident Joe Biden said Biden's plan.",
     [("Ali al-Sistani", "Ali al-Sistani", "PERSON"), ("Joe Biden", "Joe Biden", "PERSON"),
      ("Biden", "Joe Biden", "PERSON")]),
    ("Reuters reported that Tehran's envoy to Moscow, Kazem Jalali, met Sergei Lavrov in Moscow.",
     [("Reuters", "Reuters", "ORG"), ("Tehran", "Iran", "GPE"), ("Moscow", "Moscow", "GPE"),
      ("Kazem Jalali", "Kazem Jalali", "PERSON"), ("Sergei Lavrov", "Sergei Lavrov", "PERSON"),
      ("Moscow", "Moscow", "GPE")]),
    ("Prime Minister Benjamin Netanyahu's office said Netanyahu would meet Gen. Herzi Halevi.",
     [("Benjamin Netanyahu", "Benjamin Netanyahu", "PERSON"), ("Netanyahu", "Benjamin Netanyahu", "PERSON"),
      ("Herzi Halevi", "Herzi Halevi", "PERSON")]),
])
def test_sentences(nlp, text, expected):
    got = [(m["text"], m["name"], m["type"]) for m in E.extract_mentions(nlp(text))]
    assert [g for g in got if g[2] != "NORP"] == expected


# ---------------------------------------------------------------- newswire rules (Reuters-21578 scale run)
@pytest.mark.parametrize("text,expected", [
    # wire services: the reporter of the story, not an actor, unless they are the source
    ("Corazon Aquino told Reuters in an interview that the talks would go on.",
     [("Corazon Aquino", "Corazon Aquino", "PERSON")]),
    ("A Reuter survey showed OPEC output fell in March.", [("OPEC", "OPEC", "ORG")]),
    ("According to Reuters, the ship sank near Kuwait.",
     [("Reuters", "Reuters", "ORG"), ("Kuwait", "Kuwait", "GPE")]),
    # ticker markup and an unclosed parenthesis are not part of the name
    ("Disagreement over management of <San Miguel Corp> (SMC) may follow.",
     [("San Miguel Corp", "San Miguel Corp", "ORG"), ("SMC", "San Miguel Corp", "ORG")]),
    ("The Presidential Commission on Good Government (PCGG) holds six seats.",
     [("Presidential Commission on Good Government", "Presidential Commission on Good Government", "ORG")]),
    # agreements, portfolios, time zones, currencies and lone generic heads are not actors
    ("Dealers said the Louvre accord was still holding.", []),
    ("Agriculture Secretary Richard Lyng met the Group of Seven in Venice.",
     [("Richard Lyng", "Richard Lyng", "PERSON"), ("Group of Seven", "Group of Seven", "ORG"),
      ("Venice", "Venice", "GPE")]),
    ("The attack occurred at 2200 hrs local time (1800 GMT).", []),
    # a title word opening a company name is part of the name ("General" Motors is no general)
    ("General Motors Corp reported higher sales on Tuesday.",
     [("General Motors Corp", "General Motors Corp", "ORG")]),
    ("The Bank said it would cut rates. The Bank of England said it would not.",
     [("Bank of England", "Bank of England", "ORG")]),
    # capitals for governments: Cold-War capitals, a capital whose state changed, NER's ORG label
    ("Moscow said on Tuesday it would cut oil exports to the Soviets' allies.",
     [("Moscow", "Soviet Union", "GPE")]),
    ("Moscow said on Tuesday it would cut oil exports to Russian allies.",
     [("Moscow", "Russia", "GPE")]),
    ("Peking has rejected the offer.", [("Peking", "China", "GPE")]),
    ("Washington said it would act. The IMF meeting in Washington ended.",
     [("Washington", "United States", "GPE"), ("IMF", "International Monetary Fund", "ORG"),
      ("Washington", "Washington", "GPE")]),
    ("The Fed raised rates, Deutsche Bank AG said.",
     [("Fed", "Federal Reserve", "ORG"), ("Deutsche Bank AG", "Deutsche Bank AG", "ORG")]),
    # a surname NER missed, of exactly one full name of the document (label RULE)
    ("Sugar Regulatory Administration chairman Arsenio Yulo said output rose.\n\nYulo said economists "
     "forecast a bigger crop.",
     [("Sugar Regulatory Administration", "Sugar Regulatory Administration", "ORG"),
      ("Arsenio Yulo", "Arsenio Yulo", "PERSON"), ("Yulo", "Arsenio Yulo", "PERSON")]),
    ('Finance Secretary Jaime Ongpin said the debt talks would resume.\n\n"We are ready," Ongpin said.',
     [("Jaime Ongpin", "Jaime Ongpin", "PERSON"), ("Ongpin", "Jaime Ongpin", "PERSON")]),
    ("Aga offered to buy the stake held by Jean Igon.\n\nAga said it would pay cash for Duffour et Igon.",
     [("Jean Igon", "Jean Igon", "PERSON"), ("Aga", "Aga", "PERSON"), ("Duffour", "Duffour", "PERSON")]),
])
def test_newswire_sentences(nlp, text, expected):
    got = [(m["text"], m["name"], m["type"]) for m in E.extract_mentions(nlp(text))]
    assert [g for g in got if g[2] != "NORP"] == expected


# ---------------------------------------------------------------- actor types (issue 8 error classes)
@pytest.mark.parametrize("text,expected", [
    # a short company name the longer one starts with is the company (NER's PERSON "Ricoh" too) ...
    ("Acme Mining Corp said on Tuesday it would close its Nevada mine. Acme said output fell 20 pct.",
     [("Acme Mining Corp", "Acme Mining Corp", "ORG"), ("Nevada", "Nevada", "GPE"),
      ("Acme", "Acme Mining Corp", "ORG")]),
    ("Ricoh Co Ltd said profit rose. Ricoh said it would build a plant in France.",
     [("Ricoh Co Ltd", "Ricoh Co Ltd", "ORG"), ("Ricoh", "Ricoh Co Ltd", "ORG"), ("France", "France", "GPE")]),
    # ... unless two companies start with it, or it is a country
    ("Ford Motor Co and Ford Aerospace Corp agreed on the deal. Ford said the terms were not disclosed.",
     [("Ford Motor Co", "Ford Motor Co", "ORG"), ("Ford Aerospace Corp", "Ford Aerospace Corp", "ORG"),
      ("Ford", "Ford", "ORG")]),
    ("The stake is held by <Merrill Lynch Japan Inc>, a unit of Merrill Lynch.",           # the parent
     [("Merrill Lynch Japan Inc", "Merrill Lynch Japan Inc", "ORG"), ("Merrill Lynch", "Merrill Lynch", "ORG")]),
    ("The offer came from Ariadne Australia Ltd. Ariadne said it would pay cash.",          # NER: PERSON
     [("Ariadne Australia Ltd.", "Ariadne Australia Ltd.", "ORG"), ("Ariadne", "Ariadne", "ORG")]),
    # a place and a legal form NER split off a company name belong to it
    ("Volvo Finance North America Inc issued notes via First Boston.",
     [("Volvo Finance North America Inc", "Volvo Finance North America Inc", "ORG"), ("First Boston", "First Boston", "ORG")]),
    ("Japan Airlines Co said it would buy six jets. Japan said it would cut tariffs.",
     [("Japan Airlines Co", "Japan Airlines Co", "ORG"), ("Japan", "Japan", "GPE")]),
    # a surname that is also a title word is kept and linked
    ("John Major presented the budget. Later, Major and Nigel Lawson met bankers.",         # NER: PERSON "Major"
     [("John Major", "John Major", "PERSON"), ("Major", "John Major", "PERSON"), ("Nigel Lawson", "Nigel Lawson", "PERSON")]),
    ("Sir Peter Bishop chaired the meeting. Bishop said the plan was sound.",                 # NER: ORG "Bishop"
     [("Peter Bishop", "Peter Bishop", "PERSON"), ("Bishop", "Peter Bishop", "PERSON")]),
    ("Bishop Desmond Tutu spoke in Cape Town.",                                               # a title here
     [("Desmond Tutu", "Desmond Tutu", "PERSON")]),
    # a person named like a capital is the person, not the country; the capital alone still is
    ("Chicago Mayor Harold Washington won a second term on Tuesday. Washington said he would cut taxes.",
     [("Chicago", "Chicago", "GPE"), ("Harold Washington", "Harold Washington", "PERSON"),
      ("Washington", "Harold Washington", "PERSON")]),
    ("Jordan said it would attend the conference. King Hussein of Jordan met Hamilton Jordan.",
     [("Jordan", "Hamilton Jordan", "PERSON"), ("Hussein", "Hussein", "PERSON"), ("Jordan", "Jordan", "GPE"),
      ("Hamilton Jordan", "Hamilton Jordan", "PERSON")]),
    # sports clubs named after their city are organisations; the city and national teams are places
    ("Liverpool beat Everton 2-1 in the league match on Saturday. Ian Rush scored twice for Liverpool, and "
     "coach Kenny Dalglish said the striker was in form.",
     [("Liverpool", "Liverpool (club)", "ORG"), ("Everton", "Everton", "PERSON"), ("Ian Rush", "Ian Rush", "PERSON"),
      ("Liverpool", "Liverpool (club)", "ORG"), ("Kenny Dalglish", "Kenny Dalglish", "PERSON")]),
    ("Madrid beat Barcelona 2-1 in the Spanish league match. The coach said the striker and "
     "the goalkeeper played well.",
     [("Madrid", "Madrid (club)", "ORG"), ("Barcelona", "Barcelona (club)", "ORG"),
     ]),
    ("Liverpool's docks reopened on Monday after a strike, port officials in Liverpool said.",
     [("Liverpool", "Liverpool", "GPE"), ("Liverpool", "Liverpool", "GPE")]),
    ("Madrid said on Monday it would cut oil imports.", [("Madrid", "Spain", "GPE")]),
    ("England beat Scotland 2-0 in the soccer match at Wembley. The England coach said the striker and the "
     "goalkeeper played well in the league.",
     [("England", "England", "GPE"), ("Scotland", "Scotland", "GPE"), ("Wembley", "Wembley", "ORG"),
      ("England", "England", "GPE")]),
    # ticker markup and a capitalised function word are not part of a name
    ("BankAmerica Corp's <BAC> Bank of America unit issued 400 mln dlrs of notes.",
     [("BankAmerica Corp", "BankAmerica Corp", "ORG"), ("Bank of America", "Bank of America", "ORG")]),
    ("Nahum Vaskevitch was charged on Tuesday. Besides Vaskevitch, two others were named.",
     [("Nahum Vaskevitch", "Nahum Vaskevitch", "PERSON"), ("Vaskevitch", "Nahum Vaskevitch", "PERSON")]),
    # a surname NER labelled GPE joins the one full name it fits
    ("Alain Marais said growth would slow. Prices could rise two pct this year, fractionally more than forecast "
     "this week by the National Statistics Institute, INSEE, Marais said.",
     [("Alain Marais", "Alain Marais", "PERSON"), ("National Statistics Institute", "National Statistics Institute", "ORG"),
      ("INSEE", "INSEE", "ORG"), ("Marais", "Alain Marais", "PERSON")]),
])
def test_actor_type_sentences(nlp, text, expected):
    got = [(m["text"], m["name"], m["type"]) for m in E.extract_mentions(nlp(text))]
    assert [g for g in got if g[2] != "NORP"] == expected
