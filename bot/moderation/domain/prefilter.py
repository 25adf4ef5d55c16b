"""RE2 twins of the detectors' hottest patterns: a fast, exact 'no match' before Python's re.

Python's re tries an alternation of many phrases at every position of a text; RE2 scans the
text once (a DFA), several times faster on the long unions the rules use. A pattern's twin is
the same regex with its lookarounds removed, which can only match more (a lookaround only
restricts where the rest may match), so when the twin finds nothing the pattern finds nothing,
and Python's re is asked only when the twin matches: every match, span and group is still
Python's own. The twin is only asked where both engines read the text alike: ASCII text
without the few control characters whose class differs (Python's ``\\s`` also holds \\x0b and
\\x1c-\\x1f) and not ending in a newline (Python's ``$`` also matches before one), and
patterns without the constructs they read differently (``{,n}``, back-references and octal
escapes; case-insensitive patterns only when ASCII). A pattern RE2
refuses, or whose twin would match everywhere, keeps Python's re alone.

For detector authors: wrapping a pattern with :func:`prefiltered` never changes what it
matches; it only pays when the pattern is searched often and usually fails.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any, cast

import re2

_OPTIONS = re2.Options()
_OPTIONS.log_errors = False
_OPTIONS.never_capture = True  # only whether there is a match
_UNANCHORED = re2._re2.RE2.Anchor.UNANCHORED
_NO_MATCH = (-1, -1)
_FLAGS = {re.IGNORECASE: "i", re.MULTILINE: "m", re.DOTALL: "s"}
_LOOKAROUNDS = ("(?=", "(?!", "(?<=", "(?<!")
_QUANTIFIERS = frozenset("*+?{")


def _skip_class(pattern: str, at: int) -> int:
    """The index just past the character class that starts at ``pattern[at] == '['``."""
    i = at + 1
    if i < len(pattern) and pattern[i] == "^":
        i += 1
    if i < len(pattern) and pattern[i] == "]":
        i += 1  # a leading ']' is a literal
    while i < len(pattern) and pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i + 1


def _structure(pattern: str, at: int = 0) -> Iterator[tuple[int, str, int]]:
    """Each character of ``pattern`` from ``at`` that is outside every class and escape, with
    the group depth after it (an opening '(' counts itself)."""
    depth = 0
    i = at
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _skip_class(pattern, i)
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        yield i, char, depth
        i += 1


def _group_end(pattern: str, at: int) -> int:
    """The index just past the group that opens at ``pattern[at] == '('``."""
    for i, char, depth in _structure(pattern, at):
        if char == ")" and depth == 0:
            return i + 1
    raise ValueError("unbalanced group")


def without_lookarounds(pattern: str) -> str | None:
    """``pattern`` with every lookaround group removed (a pattern that matches wherever the
    original does), or None when that is not sure (a quantified lookaround)."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            out.append(pattern[i : i + 2])
            i += 2
        elif char == "[":
            end = _skip_class(pattern, i)
            out.append(pattern[i:end])
            i = end
        elif char == "(" and pattern.startswith(_LOOKAROUNDS, i):
            i = _group_end(pattern, i)
            if i < len(pattern) and pattern[i] in _QUANTIFIERS:
                return None
        else:
            out.append(char)
            i += 1
    return "".join(out)


def twin_of(compiled: re.Pattern[str], counted: bool = False) -> Any | None:
    """The RE2 twin of a compiled pattern (see the module docstring), or None. Patterns with
    counted repetitions get one only with ``counted`` (measured to pay for that pattern)."""
    source = compiled.pattern
    flags = compiled.flags & ~re.UNICODE
    if flags & ~(re.IGNORECASE | re.MULTILINE | re.DOTALL):
        return None  # VERBOSE, ASCII, LOCALE: read differently or not at all by RE2
    if (flags & re.IGNORECASE or "(?i" in source) and not source.isascii():
        return None
    if "{," in source or re.search(r"\\[0-9]", source):
        return None
    try:
        relaxed = without_lookarounds(source)
    except (ValueError, IndexError):
        return None
    if relaxed is None or ("{" in relaxed and not counted):
        # Counted repetitions ('(?:\\S+ ){0,3}') grow RE2's automaton past its memory and
        # send it to its slow engine: Python's re alone is faster there.
        return None
    inline = "".join(letter for flag, letter in _FLAGS.items() if flags & flag)
    try:
        opening = _leading_lookahead(source, counted)
    except (ValueError, IndexError):
        opening = None
    for candidate in (relaxed, opening):
        if candidate is None:
            continue
        twin = re2._re2.RE2((f"(?{inline}){candidate}" if inline else candidate).encode(), _OPTIONS)
        if twin.ok() and twin.Match(_UNANCHORED, b"", 0, 0)[0] == _NO_MATCH:
            return twin
    return None  # refused, or matches the empty text: it would rule nothing out


def _has_top_level_branch(pattern: str) -> bool:
    """Whether ``pattern`` has a '|' outside every group and class."""
    return any(char == "|" and depth == 0 for _, char, depth in _structure(pattern))


def _leading_lookahead(source: str, counted: bool) -> str | None:
    """For a pattern that opens with ``^`` and lookarounds only ('^(?!...)(?=BODY)...'),
    ``^(?:BODY)`` without its own lookarounds: wherever the pattern matches, BODY matches at
    that start, so this matches too. None for any other pattern."""
    if not source.startswith("^") or _has_top_level_branch(source):
        return None  # '^(?=a)x|y' also matches where 'a' is nowhere
    at = 1
    while source.startswith(_LOOKAROUNDS, at):
        end = _group_end(source, at)
        if end < len(source) and source[end] in _QUANTIFIERS:
            return None
        if source.startswith("(?=", at):
            body = without_lookarounds(source[at + 3 : end - 1])
            if body is None or ("{" in body and not counted):
                return None
            return f"^(?:{body})"
        at = end
    return None


_LITERAL = sre_constants.LITERAL
_AT = sre_constants.AT
_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT)


def required_literal(compiled: re.Pattern[str]) -> str | None:
    """A string of two or more characters that every match of ``compiled`` contains, or
    None: the longest run of literal characters in the pattern's top-level sequence
    (zero-width anchors such as ``\\b`` and ``^`` do not break a run; a literal repeated at
    least n times adds n copies, and a run ends after a repeat of varying length).
    Derived from the parse tree, so it cannot drift from the pattern; case-insensitive
    patterns give None."""
    source = compiled.pattern
    if not isinstance(source, str) or compiled.flags & (re.IGNORECASE | re.LOCALE):
        return None
    try:
        parsed = sre_parse.parse(source, compiled.flags)
    except (re.error, RecursionError, ValueError):
        return None
    if parsed.state.flags & re.IGNORECASE:  # an inline (?i) over the whole pattern
        return None
    best = ""
    run: list[str] = []
    for op, av in parsed:
        if op is _LITERAL:
            run.append(chr(av))
            continue
        if op is _AT:
            continue  # zero-width: the characters around it stay next to each other
        body = av[2] if op in _REPEATS else None
        if body is not None and len(body) == 1 and body[0][0] is _LITERAL and av[0] >= 1:
            char = chr(body[0][1])
            run.extend(char * av[0])
            if av[1] == av[0]:
                continue  # 'a{3}' is exactly 'aaa'
            best = max(best, "".join(run), key=len)
            run = [char]  # a longer repeat still ends with this character
            continue
        best = max(best, "".join(run), key=len)
        run = []
    best = max(best, "".join(run), key=len)
    return best if len(best) >= 2 else None


def _readable(string: str) -> bytes | None:
    """``string`` as the twins read it, or None where they may not (see the module
    docstring); remembered for the next call, as the detectors ask many twins about one text."""
    global _last_read
    encoded = (
        string.encode()
        if string.isascii()
        and "\x0b" not in string
        and "\x1c" not in string
        and "\x1d" not in string
        and "\x1e" not in string
        and "\x1f" not in string
        and not string.endswith("\n")  # Python's $ also matches before a final newline
        else None
    )
    _last_read = (string, encoded)  # one tuple, replaced whole: safe to read from any thread
    return encoded


_last_read: tuple[str | None, bytes | None] = (None, None)


class Prefiltered:
    """A compiled Python pattern whose searches ask its RE2 twin first (see the module
    docstring). Only the methods the detectors use; each returns what the pattern's own
    method returns."""

    __slots__ = ("_needle", "_twin", "flags", "groupindex", "groups", "pattern", "regex")

    def __init__(self, regex: re.Pattern[str], counted: bool = False) -> None:
        self.regex = regex
        self.pattern = regex.pattern
        self.flags = regex.flags
        self.groups = regex.groups
        self.groupindex = regex.groupindex
        self._twin = twin_of(regex, counted)
        self._needle = required_literal(regex)

    def _absent(self, string: str) -> bool:
        """True when the pattern cannot match ``string`` anywhere: a string every match holds
        is not in it (a substring test in C), or the twin finds no match."""
        needle = self._needle
        if needle is not None and needle not in string:
            return True
        twin = self._twin
        if twin is None:
            return False
        last = _last_read
        encoded = last[1] if last[0] is string else _readable(string)
        return (
            encoded is not None
            and twin.Match(_UNANCHORED, encoded, 0, len(encoded))[0] == _NO_MATCH
        )

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if pos == 0 and endpos == sys.maxsize:
            # self._absent(string), inlined: the detectors' hottest call, one frame fewer.
            needle = self._needle
            if needle is not None and needle not in string:
                return None
            twin = self._twin
            if twin is not None:
                last = _last_read
                encoded = last[1] if last[0] is string else _readable(string)
                if (
                    encoded is not None
                    and twin.Match(_UNANCHORED, encoded, 0, len(encoded))[0] == _NO_MATCH
                ):
                    return None
        return self.regex.search(string, pos, endpos)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in Prefiltered.__slots__:
            raise AttributeError(name)  # not set yet (copy, pickle): never ask self.regex
        return getattr(self.regex, name)  # anything else: the pattern's own

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.regex.match(string, pos, endpos)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        return self.regex.fullmatch(string, pos, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        if pos == 0 and endpos == sys.maxsize and self._absent(string):
            return iter(())
        return self.regex.finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        if pos == 0 and endpos == sys.maxsize and self._absent(string):
            return []
        return self.regex.findall(string, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return string if self._absent(string) else self.regex.sub(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        return [string] if self._absent(string) else self.regex.split(string, maxsplit)


def prefiltered(regex: re.Pattern[str], *, counted: bool = False) -> re.Pattern[str]:
    """``regex`` with a required string and an RE2 twin asked first (see :class:`Prefiltered`),
    typed as the pattern it stands for; ``regex`` itself when it has neither."""
    if isinstance(regex, Prefiltered):  # wrapped already: wrap its own pattern, never twice
        regex = regex.regex
    wrapped = Prefiltered(regex, counted)
    needle = wrapped._needle
    if wrapped._twin is None and (needle is None or any(c.isalnum() for c in needle)):
        # Without a twin, only a needle of punctuation ('(((') is rare enough in chat to pay
        # for the wrapper's Python frame on every search.
        return regex
    return cast("re.Pattern[str]", wrapped)
