"""normalize()'s splits and scans done with str methods in C instead of regexes.

Each function returns exactly what the regex it replaces returns (tests/moderation/domain/
test_moderation_text_split.py compares them on every case text, the bench's messages and
random strings). They pay because Python's re tries a lookbehind or an alternation at every
position of a text, while ``in``, ``replace`` and ``split`` scan it once: normalize() runs on
every message, and these were about a third of its regex work.
"""

from __future__ import annotations

import re

# The ``plain`` view has its whitespace collapsed to single spaces and holds no NUL (its
# unprintable characters went to spaces), so a NUL can mark where to split.
_MARK = "\x00"
_SENTENCE_ENDS = (". ", "! ", "? ", "; ")
_CLAUSE_CHARS = (",", ":", "(", ")")
_LINE_MARKS = (">", "#", "-#")
_UNDERSCORE_OPENS = re.compile(r"(?<!\w)_")
_MENTION_OPENS = re.compile(r"<[@#:a]")


def sentence_pieces(plain: str) -> list[str]:
    """``re.split(r"(?<=[.!?;])\\s+|\\n+", plain)`` for a ``plain`` view (single spaces, no
    newline, no NUL): each space after one of ``.!?;`` is a split."""
    for end in _SENTENCE_ENDS:
        plain = plain.replace(end, end[0] + _MARK)
    return plain.split(_MARK)


def clause_pieces(sentence: str) -> list[str] | None:
    """``re.split(r"[,:()]|\\s[-\\u2013\\u2014]+\\s|\\u2014", sentence)`` for an ASCII sentence
    of a ``plain`` view with no ' -' (then only the four characters split), else None (the
    caller asks the regex)."""
    if not sentence.isascii() or " -" in sentence or _MARK in sentence:
        return None
    for char in _CLAUSE_CHARS:
        sentence = sentence.replace(char, _MARK)
    return sentence.split(_MARK)


def has_markup(text: str) -> bool:
    """``_MARKUP_CHARS.search(text) is not None`` (normalize.py): a literal of its alternatives,
    an underscore that opens a word, '<' before a mention's character, or a line that opens
    (after whitespace) with '>', '#' or '-#'."""
    if "*" in text or "__" in text or "~~" in text or "||" in text or "`" in text or "](" in text:
        return True  # an alternative that is a plain substring
    if "_" in text and _UNDERSCORE_OPENS.search(text) is not None:
        return True
    if "<" in text and _MENTION_OPENS.search(text) is not None:
        return True
    if ">" not in text and "#" not in text:
        return False
    # '(?m:^\\s*(?:>|#|-#))': '^' is the start or just after a newline, and '\\s' is what
    # str.lstrip() strips; a run of '\\s*' crossing a newline also starts at the next line.
    return any(line.lstrip().startswith(_LINE_MARKS) for line in text.split("\n"))
