"""Telling a keyboard-wedge scanner from a person typing.

A scanner types a whole code in a burst (a few milliseconds a character) and
ends it with Enter.  If the cashier had started typing a name when the
customer's bill was scanned, the field holds both; the burst is what was
scanned, so the search uses only the burst.
"""

from __future__ import annotations

#: a gap longer than this between two characters starts a new burst
BURST_GAP_S = 0.05
#: shorter bursts are a fast typist, not a scanner
MIN_SCAN_CHARS = 8


class BurstTracker:
    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.start = 0
        self.length = 0
        self._last: float | None = None

    def key(self, at: float, cursor: int) -> None:
        """A printable character is about to be inserted at ``cursor``."""
        if self._last is None or at - self._last > BURST_GAP_S:
            self.start, self.length = cursor, 0
        self.length += 1
        self._last = at

    def scanned(self, text: str, at: float) -> str | None:
        """On Enter: the scanned code if the text ends in a fast burst, else None."""
        fast = self._last is not None and at - self._last <= BURST_GAP_S
        if fast and self.length >= MIN_SCAN_CHARS and self.start + self.length == len(text):
            return text[self.start :]
        return None
