"""Entities, actors and dates: the small word lists of the rules."""
from __future__ import annotations

import re  # noqa: F401

from .text import *  # noqa: F401,F403 - earlier lists this one builds on
from .common import *  # noqa: F401,F403 - earlier lists this one builds on
from .actors import *  # noqa: F401,F403 - earlier lists this one builds on
from .dates import *  # noqa: F401,F403 - earlier lists this one builds on
from .quotes import *  # noqa: F401,F403 - earlier lists this one builds on

# ---------------------------------------------------------------- entities / actors / dates: small word lists
# (block owned by the entities, actors and dates stages; moved out of their logic, one list per concept)
# Words dropped before a title that leads a name ("the", "of" in "the US Secretary of Defense").
ROLE_LEAD_WORDS = frozenset({"the", "of", "for", "to", "and"})
# Prepositions after a title that make it someone else's when another title or the name follows: "an
# aide to President Obama" (Obama's role is "President"), "a senior adviser to the Clinton campaign"
# (no role for the campaign); "Secretary for Defense" is one title.
ROLE_OWNER_PREPS = frozenset({"to", "for"})
# Transliteration rewrites for a spelling-insensitive key (Haniyeh/Hanieh), applied in this order.
TRANSLIT_REWRITES = (("ou", "u"), ("oo", "u"), ("ee", "i"), ("iy", "i"), ("q", "k"))
# Name prefixes that are not name+title glue: "McDonald", "DeGaulle", "MacArthur" stay one name.
GLUE_PREFIXES = frozenset({"Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "O", "Al", "El"})
# Prepositions between a title and the place or organisation it is of ("Ambassador to Russia").
TITLE_LINK_PREPS = ("to", "of")
# Words joining two surnames into one firm's name ("Duffour et Igon", "Marks & Spencer").
NAME_JOINERS = ("et", "&", "und")
# Words left before a dropped company legal form ("Smith & Co" -> "smith").
COMPANY_NAME_JOINERS = ("&", "and")
# Values of the aliases.csv "hidden" column that mean yes.
ALIAS_TRUE_WORDS = ("1", "true", "yes", "y", "t", "x", "hidden")
# Prepositions before a month that make it a date ("in June", "between March …"); regex order.
MONTH_CUE_PREPS = ["in", "since", "by", "until", "till", "through", "during", "from", "of", "before", "after",
                   "around", "for", "to", "and", "between"]
# "June last year": the word before "year" and the year's offset from the publication's.
YEAR_REL_OFFSETS = {"this": 0, "last": -1, "next": 1}
# Modifiers before a weekday ("last Friday", "this coming Monday"); regex order.
WEEKDAY_MODIFIERS = ["last", "next", "this", "this coming", "this past"]
# Edge words before a weekday or day word ("early Friday", "late yesterday"); regex order.
DAY_EDGE_WORDS = ["early", "late", "earlier", "later"]
# Prepositions before "year-end" ("by year-end", "at year's end"); regex order.
YEAR_END_PREPS = ["by", "at", "before", "until", "till", "around", "since", "after"]
# Nouns after a holiday name that make it a period, not the day ("Christmas holidays"); regex alternatives.
HOLIDAY_NOT_BEFORE = ["week", "weekend", "holidays?", "season", "break", "period", "sales", "shopping", "rush"]
# Verbs of a market closing the trading day ("ended the day"); regex order.
TRADEDAY_VERBS = ["end", "ends", "ended", "ending", "finish", "finishes", "finished", "finishing", "close",
                  "closed", "closing"]
# Month names that are also verbs: a year-less "may 5" must read as a proper noun.
MONTH_VERB_WORDS = ("may", "march")
# Text right before an expression that makes it future ("as early as Tuesday", "as soon as Friday").
FUTURE_CUE_BEFORE = r"\bas (?:early|soon) as\s*$"
# Prepositions of an open-ended period ("remain closed until Friday").
UNTIL_PREPS = ("until", "till")
# Auxiliaries of a past-tense verb phrase; with "have"/"has" (the perfect) they also make a verb past.
PAST_AUXES = frozenset({"had", "was", "were", "did"})
PAST_OR_PERFECT_AUXES = PAST_AUXES | {"have", "has"}
