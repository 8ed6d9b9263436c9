"""Publication dates and time expressions: find (no date needed), then resolve against a date.

find_timexes() scans the text with the patterns built from resources (section "dates") and
returns UNRESOLVED specs; resolve(spec, published) turns a spec into (date, date_end, granularity,
date_source). Everything that depends on the publication date lives in resolve(), so a document
can be re-resolved when its date becomes known later (the `similar` step).

Rule-based on purpose: on TimeBank+AQUAINT it beats spaCy DATE entities + dateparser by a wide
margin (see bench/README.md, "Dates"). dateparser is used only as a last resort by parse_date().

Modules (public function at the top of each):
- `find`: `find_timexes`; `specs`: what a pattern match means; `context`: whether it is a date
  where it stands; `tense`: the tense of the verb it hangs on; `doc_index`: token and sentence
  by offset;
- `resolving`: `resolve`; `periods`: calendar arithmetic (month ends, weekdays, holidays, units);
- `pubdate`: `publication_from_text`, the publication date a reporting verb anchors.
The regular expressions stay in `pipeline.date_patterns`, outside this package: ingest, clean and
`pipeline.inputs.publication` parse dates with them without loading spaCy or this package.
"""
from ...inputs.publication import as_date, parse_date, safe_date  # noqa: F401 - re-exported, as before
from .find import find_timexes
from .pubdate import publication_from_text
from .resolving import resolve

__all__ = ["find_timexes", "resolve", "publication_from_text", "parse_date", "as_date", "safe_date"]
