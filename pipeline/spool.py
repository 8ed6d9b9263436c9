"""Byte records kept in an anonymous temporary file until read back.

What a build holds for the whole parse, the articles still to parse and the rows already parsed,
grows with the corpus; spooled, it stays on disk (in the OS's page cache while there is room)
instead of in the build's memory. The file has no name and goes when the spool is closed or
collected, so an interrupted build leaves nothing behind.
"""
from __future__ import annotations

import io
import os
import tempfile
from array import array
from typing import BinaryIO


class Spool:
    """An append-only list of byte strings, stored in a temporary file (`TMPDIR` or /tmp)."""

    def __init__(self) -> None:
        try:
            self._file: BinaryIO = tempfile.TemporaryFile(prefix="dossier-spool-")
        except OSError:                  # no writable temporary folder: the records stay in memory
            self._file = io.BytesIO()
        self._ends = array("q")          # end offset of each record

    def append(self, data: bytes) -> None:
        """Add a record at the end (in memory from then on if the temporary folder is full)."""
        end = self._ends[-1] if self._ends else 0
        try:
            self._file.seek(end)
            self._file.write(data)
            self._file.flush()
        except OSError:
            self._to_memory(end)
            self._file.write(data)
        self._ends.append(end + len(data))

    def _to_memory(self, end: int) -> None:
        """The records so far (the first `end` bytes), moved from the file into memory."""
        kept = io.BytesIO(os.pread(self._file.fileno(), end, 0) if end else b"")
        try:
            self._file.close()
        except OSError:                  # it could not write its buffer: that tail is dropped
            pass
        kept.seek(end)
        self._file = kept

    def __len__(self) -> int:
        return len(self._ends)

    def read(self, start: int, stop: int) -> list[bytes]:
        """Records start..stop-1 (clipped to the spool), with one read of the file."""
        stop = min(stop, len(self._ends))
        if start >= stop:
            return []
        first = self._ends[start - 1] if start else 0
        self._file.seek(first)
        blob = self._file.read(self._ends[stop - 1] - first)
        out, at = [], 0
        for i in range(start, stop):
            end = self._ends[i] - first
            out.append(blob[at:end])
            at = end
        return out

    def close(self) -> None:
        """Delete the file now (otherwise when the spool is collected)."""
        self._file.close()
        self._ends = array("q")
