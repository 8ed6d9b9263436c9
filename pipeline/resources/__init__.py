"""Word lists and patterns used by the stages. Data, not logic: edit here, not in the stages.

Each stage owns one module of this package; `from pipeline import resources as R` sees them all
(`R.TITLES`, `R.QUOTE_MEDIA_NOUNS`, …). Keep entries lower-case unless the comment says otherwise.
"""
from __future__ import annotations

from .text import *  # noqa: F401,F403
from .common import *  # noqa: F401,F403
from .actors import *  # noqa: F401,F403
from .dates import *  # noqa: F401,F403
from .quotes import *  # noqa: F401,F403
from .small import *  # noqa: F401,F403
