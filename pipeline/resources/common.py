"""Shared by several stages: titles, name particles, reporting verbs, stop words."""
from __future__ import annotations

import re  # noqa: F401

from .text import *  # noqa: F401,F403 - earlier lists this one builds on

# ---------------------------------------------------------------- shared by several stages
# (one list per concept, whichever stages use it: names and titles for the entities, actors and
# quotes stages, reporting verbs for the quotes and dates stages, stop words for quote groups and
# similar dates)
# Titles and roles: stripped from names by `pipeline.names` (mentions keep them as their `role`,
# quote speakers lose them) and, in the quotes stage, the head nouns that name a person
# ("the minister said") and the words of a pull-quote credit (single words, lower-case, no trailing
# dot: "Gen." is "gen"). A span that is nothing but these words is dropped. Qualifiers
# ("Foreign", "Former") are not titles on their own: see TITLE_QUALIFIERS.
TITLES = frozenset("""
ayatollah hojatoleslam imam sheikh shaikh sayyed sayyid seyyed seyed
mr mrs ms miss dr prof professor sir dame lord lady
president vice-president premier pm fm mp chancellor minister secretary secretary-general
spokesman spokeswoman spokesperson leader head chief chairman chairwoman chairperson chair speaker
deputy vice director coordinator commander commander-in-chief general gen lt lieutenant colonel col
major maj brigadier brig admiral adm captain capt sergeant sgt marshal
ambassador envoy representative rep senator sen congressman congresswoman member governor gov mayor
judge justice attorney counsel adviser advisor aide
king queen prince princess emir sultan crown pope cardinal archbishop bishop rabbi reverend rev
analyst activist official officer founder ceo
""".split())
# Title abbreviations, written with a full stop ("Sen. Ted Cruz": that full stop ends no sentence),
# and the titles each stands for ("the senator" can be "Sen. Ted Cruz").
TITLE_ABBREVIATIONS = {
    "gen": ("general",), "lt": ("lieutenant",), "col": ("colonel",), "maj": ("major",),
    "brig": ("brigadier",), "adm": ("admiral",), "capt": ("captain",), "sgt": ("sergeant",),
    "gov": ("governor",), "sen": ("senator",), "rep": ("representative", "congressman", "congresswoman"),
    "pres": ("president",), "sec": ("secretary",), "rev": ("reverend",), "prof": ("professor",),
    "dr": ("doctor",), "mr": (), "mrs": (), "ms": (),
}
# Title words that are also surnames (John Major, Larry King, Erik Prince): never stripped from
# the end of a name, nor inside one ("Martin Luther King Jr", "Khalid Sheikh Mohammed").
TITLE_SURNAMES = frozenset({"king", "major", "bishop", "judge", "marshal", "prince", "lord", "pope", "cardinal",
                            "chancellor", "mayor", "speaker", "chair", "head", "general", "captain", "governor",
                            "justice", "sheikh", "dame", "queen", "miss", "chief", "rice"})
# Words that qualify a title ("Supreme Leader", "Foreign Minister", "Secretary of Defense").
# Stripped only next to a title word or when what remains is a person's name.
TITLE_QUALIFIERS = frozenset({
    "supreme", "prime", "foreign", "defense", "defence", "interior", "finance", "economy",
    "health", "justice", "intelligence", "security", "national", "state", "former", "acting",
    "senior", "top", "grand", "permanent", "first", "deputy", "vice", "assistant", "executive",
    "political", "military", "spiritual", "religious", "strategic", "communications", "of",
    "for", "the", "to", "and", "un", "us", "white", "house", "army", "navy", "revolutionary",
})
# Particles inside names (lower-case): kept lower-case in display names and inside a speaker's name
# ("Khalil al-Hayya", "Charles de Gaulle", "Faf du Plessis"), ignored when comparing surnames.
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "abu", "abd", "ul", "ad", "as", "ash", "ar",
                            "van", "von", "de", "da", "di", "du", "la", "le", "der", "den"})
# Lemmas of reporting verbs, which introduce speech or a stated position ("X said ...", "..., he
# warned", "the council issued a statement calling ..."): the cues of quotes, and the verbs whose full
# date anchors the publication date ("said on 5 May 2024"). Not "release": "the footage released
# Friday" is no source's statement.
REPORTING_VERBS = frozenset("""
say tell add warn state declare accuse blame deny claim insist note explain argue write tweet post
announce confirm stress emphasize emphasise underscore urge ask reply respond answer continue recall
acknowledge admit suggest report describe threaten vow pledge promise predict complain testify
assert maintain observe remark comment reiterate concede charge contend quote cite joke quip shout
yell chant scream recount boast brag praise criticize criticise condemn caution agree disagree
estimate read call speak mention reveal disclose allege demand assure advise inform reassure
counter retort conclude highlight point lament hail slam blast decry denounce dismiss reject
welcome thank tout question wonder muse signal indicate specify order appeal plead beg
characterize characterise label brand dub protest elaborate proclaim pronounce mock ridicule defend voice
publish issue
""".split())
# Stop words: words that say nothing about which text a text is, dropped before comparing the words
# of two quotes ("also reported by", speakers' names included) or of two sentences (similar dates):
# English function words, and the attribution words that every report of a statement repeats
# ("said", "told", "state TV", "news agency"). Not "same", "during", "between", "now": they tell
# short statements apart ("but the situation remains the same", "to be shipped between now and June").
STOP_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below
both but by can could did do does doing down each few for from further had has have having
he her here hers herself him himself his how i if in into is it its itself just me may might more most my
myself no nor not of off on once one only or other our ours ourselves out over own she should so
some such than that the their theirs them themselves then there these they this those through to too two
under until up very was we were what when where which while who whom why will with would you your yours
yourself
said says say told news agency state tv television run
""".split())
