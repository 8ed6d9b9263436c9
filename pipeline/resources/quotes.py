"""Quotes: marks, cues, speakers, media nouns and the small word lists of the rules."""
from __future__ import annotations

import re  # noqa: F401

from .text import *  # noqa: F401,F403 - earlier lists this one builds on
from .common import *  # noqa: F401,F403 - earlier lists this one builds on
from .actors import *  # noqa: F401,F403 - earlier lists this one builds on
from .dates import *  # noqa: F401,F403 - earlier lists this one builds on

# ---------------------------------------------------------------- quotes
# (section owned by the quotes stage)
# Verbs that make any noun phrase a source ("the board said"); other verbs need a name or a
# known speaker noun as subject ("that fact speaks volumes" is no attribution).
QUOTE_CORE_VERBS = frozenset("""
say tell add state declare write tweet announce claim insist explain argue note warn reply respond
answer recall acknowledge admit report testify assert remark comment reiterate concede contend quip
joke read conclude
""".split())
# Phrasal reporting verbs: "lemma particle".
QUOTE_PHRASAL_VERBS = frozenset(["go on", "cut in", "chime in", "shoot back", "fire back", "hit back",
                                 "point out", "weigh in", "lash out", "spell out", "sum up", "butt in"])
# Verbs that take an object complement ("called it a disgrace"): never an attribution after a quote.
QUOTE_OBJECT_VERBS = frozenset("call order label ask question brand dub characterize characterise".split())
# Verbs that attribute only right after a quote: `"…?" Hannity pressed`, `"…," she began`.
QUOTE_AFTER_VERBS = frozenset("""
press exclaim interject scoff sigh laugh interrupt begin start finish conclude continue chuckle
shrug smile gush marvel muse recount
""".split())
# Verbs that only report speech when their complement is a quote or a clause, never on their own.
QUOTE_WEAK_VERBS = frozenset("call read continue order point ask question label".split())
# "…," according to X / X's statement: prepositions and nouns that carry a source.
QUOTE_ACCORDING = ("according to", "as per", "citing", "quoting")
QUOTE_STATEMENT_NOUNS = frozenset(
    "statement communique communiqué release interview post tweet message letter speech address "
    "remarks report broadcast".split())
# Pronouns that can be a speaker, and the actor types each can stand for.
QUOTE_PRONOUNS = {
    "he": ("PERSON",), "him": ("PERSON",), "she": ("PERSON",), "her": ("PERSON",),
    "it": ("ORG", "GPE", "MEDIA"), "they": ("ORG", "NORP", "GPE", "MEDIA", "GROUP"),
    "them": ("ORG", "NORP", "GPE", "MEDIA", "GROUP"),
}
# First/second person: a speaker we cannot name (the author, an interviewer).
QUOTE_UNNAMED_PRONOUNS = frozenset("i we you me us".split())
# Nouns for media and institutions as speakers ("Iran's state TV", "the ministry").
QUOTE_MEDIA_NOUNS = frozenset("""
agency tv television radio broadcaster newspaper paper daily outlet channel media network website
magazine press wire
""".split())
# Words after a source's name that do not change who it is: "Tasnim news agency" is Tasnim.
SPEAKER_TRAILING_WORDS = QUOTE_MEDIA_NOUNS | {"news", "agency's", "official", "officials"}
QUOTE_ORG_NOUNS = frozenset("""
ministry office government department council committee court board agency party campaign army
military police embassy spokesperson administration commission authority authorities bureau
organization organisation group movement union foundation company firm suit lawsuit statement
leadership cabinet parliament senate house presidency palace kremlin regime
""".split())
# "The company said": nouns that stand for the organisation named just before.
QUOTE_ANAPHORIC_ORG_NOUNS = frozenset("""
company firm bank corporation carrier airline utility insurer retailer automaker brokerage group
""".split())
# Common nouns that name people, groups and documents as speakers ("said the woman", "protesters
# chanted", "the report said").
QUOTE_PERSON_NOUNS = frozenset("""
source official spokesman spokeswoman lawmaker aide man woman witness diplomat strategist analyst
expert activist voter resident candidate nominee senator congressman lawyer attorney economist
adviser advisor consultant organizer organiser supporter critic reporter correspondent
""".split())
QUOTE_GROUP_NOUNS = frozenset("""
officials sources demonstrators protesters protestors supporters critics voters residents lawmakers
analysts experts activists reporters aides advisers people crowd delegates democrats republicans
""".split())
QUOTE_DOCUMENT_NOUNS = frozenset("""
report account transcript study poll survey memo document filing complaint lawsuit suit ruling
statement letter ad advertisement video website
""".split())
# Head nouns of an epithet that stands for a person named before ("the Texas senator said", "the former
# secretary of state", "the New York businessman"). Words that introduce someone new (spokesman,
# official, source, aide, analyst) are deliberately absent.
QUOTE_EPITHET_NOUNS = frozenset("""
president senator governor candidate nominee frontrunner front-runner businessman businesswoman
billionaire magnate mogul tycoon socialist congressman congresswoman secretary lady mayor speaker
chairman chairwoman chancellor minister premier monarch king queen pontiff pope hopeful contender
rival challenger incumbent populist
""".split())

# ---------------------------------------------------------------- quotes: small word lists of the rules
# (section owned by the quotes stage; moved out of pipeline/document/quotes/ logic, one list per concept)
# Small words that may stay lower-case in a quoted title ("A Time for Truth"): not a quote.
QUOTE_TITLE_SMALL_WORDS = frozenset("a an the of for and in on to at with or".split())
# Articles dropped from the front of a speaker's display name (lower-case and capitalised).
QUOTE_ARTICLES = ("the", "a", "an")
# Relative pronouns that stand for the noun they modify ("Lynch, who told Congress").
QUOTE_RELATIVE_PRONOUNS = frozenset("who which that".split())
# Quantifiers heading a group speaker: "one of those advisers", "some of the protesters".
QUOTE_QUANTIFIERS = frozenset("one some many several few most two three four five".split())
# Generic speaker heads whose modifiers belong to the speaker ("a source close to the framework").
QUOTE_GENERIC_HEADS = frozenset("source sources official officials spokesman spokeswoman spokesperson representative "
                                "member members head chief leader leaders".split())
# Words between "the" and a role noun that make it someone new, not an epithet ("the other senator").
QUOTE_NOT_EPITHET_WORDS = frozenset("other same new next".split())
# Pronouns that stand for one person ("he said"), and for people, one or several.
QUOTE_PERSON_PRONOUNS = frozenset("he she".split())
QUOTE_PEOPLE_PRONOUNS = frozenset("he she they".split())
# "said in/through a statement from/by/of X": prepositions before the statement noun, and before its source.
QUOTE_STATEMENT_PREPS = frozenset("in through".split())
QUOTE_STATEMENT_SOURCE_PREPS = frozenset("from by of".split())
# Tokens right before a bare name credited with a colon ("- Carl Bialik:", "more from Reuters:").
QUOTE_CREDIT_INTRODUCERS = frozenset(["-", "\u2014", "\u2013", "from", "by"])
# Verbs whose direct object is the addressee, not the content ("…," he told reporters / asked him):
# after a quote they still attribute it.
QUOTE_ADDRESSEE_VERBS = frozenset("tell ask".split())
# Reporting verbs that, even with a complement ("He told reporters."), lead into the next quote.
QUOTE_LEAD_IN_OBJECT_VERBS = frozenset(["tell"])
# Spellings of the same kind of source, folded together when unlinked speakers are grouped for the
# quote browser's Speaker filter ("Iran's state TV" and "Iran's state-run television"): (variant,
# canonical), lower-case, longest variants first.
SPEAKER_SYNONYMS = (
    ("state-run television", "state tv"), ("state-owned television", "state tv"),
    ("state television", "state tv"), ("state-run tv", "state tv"), ("state-owned tv", "state tv"),
    ("state-run media", "state media"), ("state-owned media", "state media"),
    ("state-run news agency", "state news agency"), ("official news agency", "state news agency"),
    ("ministry of foreign affairs", "foreign ministry"), ("foreign affairs ministry", "foreign ministry"),
    ("ministry of defence", "defence ministry"), ("ministry of defense", "defence ministry"),
    ("defense ministry", "defence ministry"), ("spokeswoman", "spokesperson"), ("spokesman", "spokesperson"),
)
