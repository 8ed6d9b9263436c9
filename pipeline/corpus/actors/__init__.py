"""Actors: corpus-wide canonical actors from the per-document mentions (after all documents).

`resolve(mentions, aliases)` works on distinct names, not on mentions, so 1M mentions take
seconds. Steps:
1. user aliases (data/aliases.csv) move names and surface forms to a canonical name;
2. one type per name: majority vote over its mentions (the per-document rules already re-typed
   media, agencies, "Coordination Framework" …); a country's or capital's ORG and NORP mentions
   count as GPE and a tie goes to the place ("Japan agreed" is the state);
3. people: full names merge when surnames are spelling variants (rapidfuzz on a
   transliteration key: Haniyeh/Hanieh) and first and middle names agree (Mahmoud/Mahmud,
   Saeed/Said, Shi/Shia); never when first names differ (Saeed Jalili vs Kazem Jalali);
4. a surname or partial name ("Khamenei", "Hashemi Rafsanjani") joins the one person it fits
   (an exact surname beats a spelling variant: Reagan is Ronald Reagan, not Donald Regan), and
   stays its own actor when several fit ("Hashemi": Mohsen Hashemi or Ali Akbar Hashemi
   Rafsanjani); a one-word ORG or GPE that is really a surname ("Hanieh", "Fujioka") joins a more
   frequent person (never a country or a capital);
5. other types merge on the normalised name (variants were named in `pipeline.document.entities`:
   USA/the United States -> United States; plural demonyms fold: Palestinians -> Palestinian);
   company legal forms are ignored (Deutsche Bank AG = Deutsche Bank; a name ever written with
   one is an ORG, whatever NER said) except after a place: "Japan Inc.", "America Inc",
   "France SA" are companies, never the country; "organisation" = "organization";
6. demonyms count for their country (resources.DEMONYMS, data): "Iranian officials said" is a
   mention of Iran (type GPE; the mention keeps its text and NER label), "Soviets" of the Soviet
   Union, "West German" of West Germany. Peoples, religions and regions that are not one state
   (Palestinian, Kurds, Arab, Shiite, Zionist, Jewish, European, Korean) stay NORP actors;
7. an acronym that documents tie to exactly one organisation ("Presidential Commission on Good
   Government (PCGG)") is that organisation where it stands alone; tied to several, it stays;
8. display name: the most frequent full form; user aliases can rename, merge, retype and hide.
   A capital's locative mentions ("talks in Washington") are a city actor; when the bare name is
   also a form of a country actor ("Washington said" -> United States), the city is shown as
   "Washington (city)", so no display name is another actor's alias. An alias row on
   "Washington (city)" renames or hides the city only; one on "Washington" moves all of them.
`actor_id` is a hash of the display name: stable across rebuilds of the same corpus and
independent of input order.

Modules (public function at the top of each): `resolving` (`resolve`, the entry point),
`keys` (name keys and actor ids), `aliases` (user alias rows), `cluster` (types, demonyms,
plurals, acronyms), `people` (person names), `table` (display names and the actors table). The
name helpers they share with `pipeline.document.entities` are in `pipeline.names`.
"""
from ...names import demonym_country
from .aliases import read_aliases
from .cluster import TYPE_PRIORITY
from .keys import actor_id_for, name_key
from .resolving import resolve
from .table import ACTOR_COLS

__all__ = ["resolve", "actor_id_for", "name_key", "demonym_country", "read_aliases", "ACTOR_COLS", "TYPE_PRIORITY"]
