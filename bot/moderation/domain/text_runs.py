"""Word runs of a text: what a derived literal gate (literal_gate.py) is checked against.

Every detector that skips searches by gate asks for the word runs of a text, several times a
message; the text is nearly always ``plain`` or words joined from its tokens, which are ASCII.
"""

from __future__ import annotations

import re

_WORD_RUN = re.compile(r"\w+")
# Each ASCII byte that is no word character (every ASCII whitespace among them) to a space.
_NON_WORD_TO_SPACE = bytes(i if i < 128 and re.fullmatch(r"\w", chr(i)) else 32 for i in range(256))


def word_runs(text: str) -> frozenset[str]:
    """The runs of word characters (``\\w+``) of ``text``, as a set (remembered for the next
    call: the frame records, counter-speech and rule 3 ask for those of one text in turn)."""
    global _last_runs
    last = _last_runs
    if last[0] is text:
        return last[1]
    if text.isascii():
        # The regex's runs exactly (tested against it), by one translate and one split in
        # C: no match objects, about 2.5x faster on a chat message.
        runs = frozenset(text.encode().translate(_NON_WORD_TO_SPACE).decode().split())
    else:
        runs = frozenset(_WORD_RUN.findall(text))
    _last_runs = (text, runs)  # one tuple, replaced whole: safe to read from any thread
    return runs


_last_runs: tuple[str | None, frozenset[str]] = (None, frozenset())
