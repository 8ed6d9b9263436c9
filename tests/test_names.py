"""The one title stripper (pipeline.names): the same titles go from an actor mention's tokens and from a
quote speaker's display name, so a speaker keeps no title its actor lost."""
from __future__ import annotations

import pytest

from pipeline import resources as R
from pipeline.document.entities import extract_mentions
from pipeline.names import strip_titles, title_bounds, title_word
from pipeline.document.quotes import extract_quotes


# ---------------------------------------------------------------- plain strings (quote speakers)
@pytest.mark.parametrize("name,typ,expected", [
    # leading titles, with their qualifiers and "of <Word>"
    ("Ayatollah Ali Khamenei", "PERSON", "Ali Khamenei"),
    ("Foreign Minister Hossein Amirabdollahian", "PERSON", "Hossein Amirabdollahian"),
    ("Brigadier General Abolfazl Shekarchi", "PERSON", "Abolfazl Shekarchi"),
    ("US Secretary of Defense Lloyd Austin", "PERSON", "Lloyd Austin"),
    ("Minister of Culture Mohammad Mehdi Esmaili", "PERSON", "Mohammad Mehdi Esmaili"),
    ("President Pezeshkian", "PERSON", "Pezeshkian"),
    ("Crown Prince Mohammed bin Salman", "PERSON", "Mohammed bin Salman"),
    # titles the quotes list lacked before the lists were merged
    ("Hojatoleslam Mohsen Qomi", "PERSON", "Mohsen Qomi"),
    ("Sayyed Hassan Nasrallah", "PERSON", "Hassan Nasrallah"),
    ("UN Secretary-General Antonio Guterres", "PERSON", "Antonio Guterres"),
    ("Sir Keir Starmer", "PERSON", "Keir Starmer"),
    # abbreviations, with or without the full stop, after "the"
    ("Gen. Herzi Halevi", "PERSON", "Herzi Halevi"),
    ("Sen Ted Cruz", "PERSON", "Ted Cruz"),
    ("The Rev. Al Sharpton", "PERSON", "Al Sharpton"),
    # the owner of a title: a possessive, a country, a demonym, a place before a title
    ("Iran's Foreign Minister Hossein Amirabdollahian", "PERSON", "Hossein Amirabdollahian"),
    ("Saudi King Salman", "PERSON", "Salman"),
    ("Tehran Mayor Alireza Zakani", "PERSON", "Alireza Zakani"),
    ("Hamas chief Ismail Haniyeh", "PERSON", "Ismail Haniyeh"),
    ("spokesman in Lebanon Mahmoud Tah", "PERSON", "Mahmoud Tah"),
    ("Israel Katz", "PERSON", "Israel Katz"),                         # no title follows: a first name
    # trailing titles, with their qualifiers; title words that are surnames stay
    ("Hossein Amirabdollahian, foreign minister", "PERSON", "Hossein Amirabdollahian"),
    ("John Kerry Secretary of State", "PERSON", "John Kerry"),
    ("John Major PM", "PERSON", "John Major"),
    ("John Major", "PERSON", "John Major"),
    ("Larry King", "PERSON", "Larry King"),
    ("Martin Luther King Jr", "PERSON", "Martin Luther King Jr"),      # a surname inside the name
    ("Khalid Sheikh Mohammed", "PERSON", "Khalid Sheikh Mohammed"),
    ("Bandar bin Sultan al-Saud", "PERSON", "Bandar bin Sultan al-Saud"),   # a title after "bin": a name
    # name particles are part of the name; a possessive is not
    ("du Plessis", "PERSON", "du Plessis"),
    ("Charles de Gaulle", "PERSON", "Charles de Gaulle"),
    ("Khamenei's", "PERSON", "Khamenei"),
    # no name in the phrase: the description stays
    ("Foreign Minister", "PERSON", "Foreign Minister"),
    ("U.S. Official", "PERSON", "U.S. Official"),
    ("Agriculture Secretary", "PERSON", "Agriculture Secretary"),
    ("the spokesman", "PERSON", "spokesman"),
    # organisations, places and media keep their names
    ("Foreign Ministry", "ORG", "Foreign Ministry"),
    ("General Motors", "ORG", "General Motors"),
    ("Supreme Leader's office", "ORG", "Supreme Leader's office"),
])
def test_strip_titles(name, typ, expected):
    assert strip_titles(name, typ) == expected


# ---------------------------------------------------------------- token texts (actor mentions)
@pytest.mark.parametrize("words,expected", [
    (["President", "Joe", "Biden", ","], (1, 3)),
    (["Iran", "'s", "Foreign", "Minister", "Hossein", "Amirabdollahian"], (4, 6)),
    (["ex", "-", "President", "Mohammad", "Khatami"], (3, 5)),
    (["Secretary", "-", "General", "Antonio", "Guterres"], (3, 5)),
    (["King", "Hussein"], (1, 2)),
    (["Larry", "King"], (0, 2)),
    (["Mohammed", "bin", "Salman"], (0, 3)),
    (["Bandar", "bin", "Sultan", "al", "-", "Saud"], (0, 6)),
    (["Supreme", "Leader"], (2, 2)),                       # nothing but titles: the mention is dropped
])
def test_title_bounds(words, expected):
    assert title_bounds(words) == expected


@pytest.mark.parametrize("word,qualifiers,expected", [
    ("Minister", False, True), ("minister,", False, True), ("Gen.", False, True), ("Hojatoleslam", False, True),
    ("Foreign", False, False), ("Foreign", True, True), ("Former", False, False), ("Ministry", True, False),
    ("Khamenei", True, False),
])
def test_title_word(word, qualifiers, expected):
    assert title_word(word, qualifiers) is expected


def test_one_list_per_concept():
    assert not {"foreign", "former", "prime", "supreme"} & R.TITLES       # qualifiers, not titles
    assert {"foreign", "former", "prime", "supreme"} <= R.TITLE_QUALIFIERS
    assert set(R.TITLE_ABBREVIATIONS) - {"pres", "sec"} <= R.TITLES
    assert {"du", "bin", "al"} <= R.NAME_PARTICLES
    assert {"say", "warn", "accuse", "publish", "issue"} <= R.REPORTING_VERBS and "release" not in R.REPORTING_VERBS
    assert {"the", "said", "agency", "because"} <= R.STOP_WORDS and not {"same", "during", "between", "now"} & R.STOP_WORDS


# ---------------------------------------------------------------- the same name for the actor and the speaker
@pytest.mark.parametrize("phrase,name", [
    ("Hojatoleslam Mohsen Qomi", "Mohsen Qomi"),
    ("Sayyed Hassan Nasrallah", "Hassan Nasrallah"),
    ("Sen Ted Cruz", "Ted Cruz"),
])
def test_speaker_matches_actor(nlp, phrase, name):
    doc = nlp(f'"We will respond to every attack," said {phrase}.')
    mentions = extract_mentions(doc)
    assert [m["name"] for m in mentions if m["type"] == "PERSON"] == [name]
    assert [q["speaker"] for q in extract_quotes(doc, mentions)] == [name]
    # a speaker that links to no actor mention (NER's text as the name) loses the same titles
    raw = [{"start": e.start_char, "end": e.end_char, "text": e.text, "label": e.label_, "name": e.text,
            "type": e.label_, "sent": 0} for e in doc.ents]
    assert [q["speaker"] for q in extract_quotes(doc, raw)] == [name]


# ---------------------------------------------------------------- the role a mention keeps
@pytest.mark.parametrize("text,name,role", [
    ("Supreme Leader Ali Khamenei said so.", "Ali Khamenei", "Supreme Leader"),
    ("Attorney General Merrick Garland said so.", "Merrick Garland", "Attorney General"),
    ("Tehran Mayor Alireza Zakani said so.", "Alireza Zakani", "Mayor"),
    ("Secretary for Defense John Smith said so.", "John Smith", "Secretary for Defense"),
    ("Susan Rice, an aide to President Barack Obama, said so.", "Barack Obama", "President"),   # not "aide to"
    ("John Podesta, a senior adviser to the Clinton campaign, said so.", "Clinton", None),     # someone else's title
])
def test_mention_role(nlp, text, name, role):
    assert (name, role) in [(m["name"], m["role"]) for m in extract_mentions(nlp(text))]
