"""Table selections that follow the rows a user picked, not row positions. Pure: no streamlit.

`st.dataframe` reports selected rows by position. When the table is narrowed (a search, a filter)
the same position points at another row, or past the end. Keying the widget on the rows it
shows gives a changed table a fresh, empty selection, and `picked_row` never indexes past it.
"""
from __future__ import annotations

from typing import Iterable

import pandas as pd
from pipeline.ids import short_hash


def table_key(prefix: str, ids: Iterable[str]) -> str:
    """A widget key that changes whenever the table's rows (by id, in order) change."""
    text = "".join(f"{i}\x00" for i in ids)           # one hash update, same digest as one per id
    return f"{prefix}_{short_hash(text, 12)}"


def picked_row(table: pd.DataFrame, rows: Iterable[int] | None) -> pd.Series | None:
    """The first selected row of `table`, or None when nothing valid is selected."""
    for r in rows or ():
        if isinstance(r, int) and 0 <= r < len(table):
            return table.iloc[r]
    return None
