"""Printing third-party text in a terminal without letting it steer the terminal.

A post is written by a stranger. Printed as it is, an ESC sequence in an author's name could
clear the screen, move the cursor over earlier lines, set the window title or (in some
terminals) write to the clipboard; a bidi override could make a line read backwards. So every
character that is not plain printable text becomes a visible, inert stand-in: C0 controls and
DEL their Unicode "control picture" (ESC prints as ␛), C1 controls and bidi controls U+FFFD.
Line breaks become spaces: one event, one line.
"""

from __future__ import annotations

import unicodedata

_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_LINE_BREAKS = frozenset("\n\r\u0085\u2028\u2029\v\f")
REPLACEMENT = "\ufffd"

COLOURS = {"red": "31", "yellow": "33", "green": "32", "dim": "2", "bold": "1"}


def inert(text: object, limit: int | None = None) -> str:
    """The text with every control character neutralised, on one line, at most `limit` long."""
    out: list[str] = []
    for ch in str(text if text is not None else ""):
        if ch in _LINE_BREAKS or ch == "\t":
            out.append(" ")
        elif ch in _BIDI_CONTROLS:
            out.append(REPLACEMENT)
        else:
            code = ord(ch)
            if code < 0x20:
                out.append(chr(0x2400 + code))  # ␀ … ␟, ESC is ␛
            elif code == 0x7F:
                out.append("\u2421")  # ␡
            elif 0x80 <= code <= 0x9F or unicodedata.category(ch) in ("Cs", "Co", "Cn"):
                out.append(REPLACEMENT)
            else:
                out.append(ch)
    cleaned = " ".join("".join(out).split())
    if limit is not None and len(cleaned) > limit:
        return cleaned[: max(limit - 1, 0)].rstrip() + "…"
    return cleaned


def paint(text: str, colour: str | None, enabled: bool) -> str:
    """Our own colour codes around text that is already inert."""
    if not enabled or not colour:
        return text
    return f"\x1b[{COLOURS[colour]}m{text}\x1b[0m"
