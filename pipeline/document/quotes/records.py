"""Plain records passed between the stages: a speaker mention and an attributed statement."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Spk:
    """A speaker mention found in the text, before resolution."""
    start: int
    end: int
    name: str | None = None       # display name when it is known from the mention itself
    type: str | None = None       # PERSON, ORG, GPE, NORP, MEDIA or None
    ref: tuple[int, int] | None = None
    pronoun: str | None = None    # lower-cased pronoun when the mention is one
    head: str | None = None       # head noun of a definite description ("ministry")
    subject: bool = True
    epithet: bool = False         # "the Texas senator": a person named before, described by a role


@dataclass
class Attr:
    """One attributed statement before speaker resolution."""
    kind: str
    start: int
    end: int
    cue: str | None = None
    spk: Spk | None = None
    inherit: bool = False         # speaker copied from the previous quote
