"""Entities: actor mentions in one spaCy Doc (per document, pure; runs in worker processes).

From spaCy's NER spans to analyst-grade mentions:
- keep PERSON, ORG, GPE and NORP (LOC/FAC are places, not actors; see resources.ACTOR_LABELS);
- drop mentions in skipped lines (headline, caption, byline, dateline, boilerplate): title case
  breaks NER there, and the body restates them;
- clean spans: no leading "the", no possessive, no trailing whitespace; titles and roles are
  stripped from names and kept in `role` ("Supreme Leader"); name+title glue is split
  ("Mahmud TahHamas" -> "Mahmud Tah" + an ORG mention "Hamas");
- reject headline fragments (title-case spans with a verb: "Khamenei Ordered Strike"), keeping
  only their parts that name an actor of the same document;
- re-type media and agencies as ORG, "Coordination Framework" as ORG, "Sinjar province" as GPE,
  a role-stripped "Defense Lloyd Austin" as PERSON; drop facilities ("mosque, Jamharan");
- name country and organisation variants ("USA" -> "United States", "USSR" -> "Soviet Union",
  "Fed" -> "Federal Reserve") and a capital used for its government after the country:
  "Washington did not know", "backed by Washington", "Tehran's stance" are the United States /
  Iran; "in Tehran", "the Iranian capital Tehran", a dateline stay the city (an actor of its own,
  shown "Tehran (city)" by `pipeline.corpus.actors` when needed). A capital whose state changed follows
  the document ("Moscow" is the Soviet Union in a story naming the Soviets: resources.CAPITAL_ALT).
  The user can still merge all of a city with an alias row;
- newswire furniture is not an actor: a wire service (resources.WIRE_SERVICES) unless it is the
  source ("Reuters reported", "according to Reuters"; not "told Reuters", "a Reuter survey");
  agreements ("the Louvre accord"), portfolios ("Agriculture" Secretary), currencies, time zones,
  company legal forms alone ("Co Inc") and lone generic heads not linked to a full name ("the
  Bank", "the Commission"); ticker brackets and an unclosed "(" are cut ("<San Miguel Corp>");
- within the document, link a surname ("Khamenei", even NER's ORG "Hanieh" or GPE "Marais") to
  the one full name it fits, a short organisation name to the longer one it ends ("the Security
  Council") and a short company name to the one longer company name it starts ("Acme" beside
  "Acme Mining Corp.");
- actor-type cues (`pipeline.document.actor_types`): a title-word surname is kept ("Major" beside "John
  Major"), a person named like a place stays the person ("Washington" beside "Harold
  Washington"), a city's sports club is "Liverpool (club)" (ORG), NER's ORG "Japan" is the country.

Modules (public function at the top of each):
- `extract`: `extract_mentions`, the stage's entry point;
- `spans`: NER spans joined and trimmed, names NER missed, name+title glue;
- `fragments`: headline fragments and the parts of them that are kept;
- `retype`: naming and typing by rules; `places`: capitals as governments, city sports clubs;
- `linking`: in-document linking and one type per name; `mention`: the working record.
The name helpers (normalising, matching, title stripping) are in `pipeline.names`, shared with
`pipeline.corpus.actors` (corpus-wide resolution); they are re-exported here under their old names.
"""
from ...names import (  # noqa: F401 - the names callers know
    FIRST_CUTOFF, SURNAME_CUTOFF, first_match, name_tokens, norm, part_of, same_person, surname_match, translit,
)
from .extract import extract_mentions

__all__ = ["extract_mentions", "norm", "name_tokens", "translit", "surname_match", "first_match", "same_person",
           "part_of", "SURNAME_CUTOFF", "FIRST_CUTOFF"]
