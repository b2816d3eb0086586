"""Text that fits the paper and the printer's code page.

Names come from billers' files and customers: they can hold any Unicode,
and in the worst case control characters that a printer would execute as
commands.  Everything printed passes through :func:`printable` first.
"""

from __future__ import annotations

import textwrap
import unicodedata

#: replacements for characters no printer table has, before the generic fallback
_SUBSTITUTES = {
    "₲": "Gs",
    "€": "EUR",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
    "‘": "'",
    "’": "'",
    "‚": ",",
    "“": '"',
    "”": '"',
    "„": '"',
    "–": "-",
    "—": "-",
    "−": "-",
    "…": "...",
    "•": "*",
    "·": "-",
    "№": "N.",
    "\t": " ",
    # Latin letters without a decomposition
    "Ł": "L",
    "ł": "l",
    "Đ": "D",
    "đ": "d",
    "Œ": "OE",
    "œ": "oe",
    "Ŀ": "L",
    "ŀ": "l",
}

_encodable_cache: dict[tuple[str, str], bool] = {}


def _encodable(ch: str, codec: str) -> bool:
    key = (ch, codec)
    ok = _encodable_cache.get(key)
    if ok is None:
        try:
            ch.encode(codec)
            ok = True
        except UnicodeEncodeError:
            ok = False
        _encodable_cache[key] = ok
    return ok


def printable(text: str, codec: str) -> str:
    """``text`` with only characters the code page prints; controls removed.

    Letters the table lacks lose their accent (``ő`` → ``o``) rather than
    becoming ``?``; the guaraní sign becomes ``Gs``.
    """
    out: list[str] = []
    for ch in text:
        if ch in ("\n", "\r"):
            out.append(" ")
            continue
        if ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0:
            continue  # C0/C1 controls: ESC, GS, DLE would be printer commands
        if ord(ch) < 128 or _encodable(ch, codec):
            out.append(ch)
            continue
        if ch in _SUBSTITUTES and (ch != "€" or not _encodable("€", codec)):
            out.append(_SUBSTITUTES[ch])
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        if base and all(ord(c) < 128 or _encodable(c, codec) for c in base) and base.isprintable():
            out.append(base)
        else:
            out.append("?")
    return "".join(out)


def wrap(text: str, width: int, *, hyphens: bool = False) -> list[str]:
    """Words to lines of at most ``width``; words longer than a line are split.

    ``hyphens`` lets a line end after a hyphen (identifiers such as UUIDs).
    """
    text = " ".join(text.split())
    if not text:
        return []
    return textwrap.wrap(text, max(1, width), break_long_words=True, break_on_hyphens=hyphens) or [""]


def two_columns(left: str, right: str, width: int) -> list[str]:
    """``left`` wrapped, ``right`` right-aligned on its last line, or below it when it does not fit."""
    right = " ".join(right.split())
    lines = wrap(left, width) or [""]
    if not right:
        return lines
    last = lines[-1]
    if len(last) + 1 + len(right) <= width:
        lines[-1] = last + " " * (width - len(last) - len(right)) + right
        return lines
    if not last:
        lines.pop()
    return lines + [piece.rjust(width) for piece in wrap(right, width)]


def center(text: str, width: int) -> str:
    return text.strip().center(width).rstrip()
