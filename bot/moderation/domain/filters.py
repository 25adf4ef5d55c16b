"""Moderator-configured filters: the stored spec, the message the engine reads, and validation.

A filter is refused when it is added, with a sentence that says what to change, rather than
failing (or stalling the bot) later when a message arrives.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import re2

from bot.moderation.domain.normalize import normalize, squeeze
from bot.moderation.domain.verdict import Action

FilterKind = Literal["keyword", "regex", "example"]
FILTER_KINDS: tuple[str, ...] = ("keyword", "regex", "example")

#: Discord AutoMod allows 1,000 keywords of up to 60 characters per rule; we follow it.
MAX_KEYWORD_CHARS = 60
MAX_KEYWORDS_PER_FILTER = 1_000
#: AutoMod caps regexes at 260 characters; ours may be longer but not unbounded.
MAX_REGEX_CHARS = 500
#: RE2 program size (instructions): a cost cap that refuses patterns like 'x{1000}{1000}'.
MAX_REGEX_PROGRAM_SIZE = 3_000
#: Memory RE2 may use per compiled pattern (bytes); beyond it RE2 refuses to compile.
REGEX_MAX_MEM = 2 << 20
MAX_EXAMPLE_CHARS = 1_000
MAX_ALLOW_LIST = 200


class FilterValidationError(ValueError):
    """A filter was refused; ``reason`` is a sentence that says what to change."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class FilterSpec:
    """A moderator-configured filter, as stored per guild.

    ``kind`` is "keyword" (the pattern is one or more AutoMod-style keywords separated by commas
    or new lines), "regex" (an RE2 pattern) or "example" (one or more example messages, one per
    line). ``shadow`` filters only flag until a moderator lets them act.
    """

    id: int
    kind: str
    pattern: str
    rule: int
    action: Action
    allow_list: tuple[str, ...] = ()
    shadow: bool = False
    enabled: bool = True
    name: str | None = None

    @property
    def display_name(self) -> str:
        """The name moderators see: their own, or kind and id."""
        return self.name or f"{self.kind}#{self.id}"


@dataclass(frozen=True, slots=True)
class MessageInput:
    """What the engine needs to know about a message; no Discord types.

    ``timestamp`` is seconds (any epoch) and is the only clock the spam tracker reads.
    """

    text: str
    author_id: int = 0
    channel_id: int = 0
    mention_count: int = 0
    mentions_everyone: bool = False
    attachment_count: int = 0
    timestamp: float = 0.0
    #: The text of the message this one replies to, when known (None: unknown or not a reply).
    replied_text: str | None = None


@dataclass(frozen=True, slots=True)
class KeywordTerm:
    """One AutoMod-style keyword: 'word' (whole word), 'pre*', '*suf' or '*sub*'.

    ``text`` is the keyword after normalisation, ``squeezed``/``runs`` its squeezed form.
    """

    raw: str
    text: str
    squeezed: str
    runs: bytes
    prefix_wild: bool
    suffix_wild: bool

    def matches_word(self, word: str) -> bool:
        """Whether a whole token (already normalised) matches this term, wildcards included."""
        if self.prefix_wild and self.suffix_wild:
            return self.text in word
        if self.prefix_wild:
            return word.endswith(self.text)
        if self.suffix_wild:
            return word.startswith(self.text)
        return word == self.text


def split_keywords(pattern: str) -> list[str]:
    """The keywords of a keyword filter's pattern: separated by commas or new lines."""
    return [part.strip() for part in pattern.replace("\n", ",").split(",") if part.strip()]


def parse_keyword(raw: str) -> KeywordTerm:
    """Parse one keyword, raising FilterValidationError with the reason when it is unusable."""
    body = raw.strip()
    prefix_wild = body.startswith("*")
    suffix_wild = body.endswith("*") and len(body) > 1
    core = body.strip("*")
    if len(body) > MAX_KEYWORD_CHARS:
        raise FilterValidationError(
            f"The keyword '{body[:20]}…' is longer than {MAX_KEYWORD_CHARS} characters; shorten it."
        )
    if not core:
        raise FilterValidationError("A keyword needs some letters besides '*'.")
    if "*" in core:
        raise FilterValidationError(
            f"In '{body}', '*' may only start or end a keyword (word, prefix*, *suffix, *part*)."
        )
    normalized = " ".join(normalize(core).tokens)
    if not normalized:
        raise FilterValidationError(
            f"The keyword '{body}' has no letters or digits left after normalisation; "
            "use words, not only symbols or emoji."
        )
    if prefix_wild and suffix_wild and len(normalized) < 3:
        raise FilterValidationError(
            f"'*{normalized}*' would match inside far too many words; use at least 3 letters."
        )
    squeezed_parts = [squeeze(word) for word in normalized.split(" ")]
    squeezed = " ".join(part for part, _ in squeezed_parts)
    runs = b"\x01".join(r for _, r in squeezed_parts)
    return KeywordTerm(body, normalized, squeezed, runs, prefix_wild, suffix_wild)


def parse_allow_list(allow_list: Sequence[str]) -> tuple[KeywordTerm, ...]:
    """Parse an allow list: entries use the same syntax as keywords ('assistance', 'class*')."""
    if len(allow_list) > MAX_ALLOW_LIST:
        raise FilterValidationError(
            f"An allow list holds at most {MAX_ALLOW_LIST} entries; this one has {len(allow_list)}."
        )
    return tuple(parse_keyword(entry) for entry in allow_list if entry.strip())


def _nested_repetition(pattern: str) -> bool:
    """True for a repeated group that itself holds an unbounded repeat, like '(a+)+' or '(a*b)*'.

    RE2 runs even these in linear time, but they are the classic catastrophic-backtracking shape
    and always have a simpler equivalent, so we refuse them with advice instead of running them.
    """
    stack: list[bool] = [False]  # per open group: does it contain an unbounded repeat?
    i = 0
    in_class = False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        elif char == "(":
            stack.append(False)
        elif char == ")" and len(stack) > 1:
            inner = stack.pop()
            follower = pattern[i + 1 : i + 2]
            if inner and (follower in ("+", "*") or _unbounded_brace(pattern, i + 1)):
                return True
            stack[-1] = stack[-1] or inner
        elif char in "+*" or _unbounded_brace(pattern, i):
            stack[-1] = True
        i += 1
    return False


def _unbounded_brace(pattern: str, at: int) -> bool:
    if pattern[at : at + 1] != "{":
        return False
    end = pattern.find("}", at)
    if end < 0:
        return False
    body = pattern[at + 1 : end]
    return "," in body and body.split(",", 1)[1].strip() == "" and body.split(",", 1)[0].isdigit()


def regex_options() -> re2.Options:
    """RE2 options every moderator regex compiles with (memory cap, case-insensitive)."""
    options = re2.Options()
    options.max_mem = REGEX_MAX_MEM
    options.case_sensitive = False
    options.log_errors = False
    return options


def compile_regex(pattern: str) -> re2._Regexp:
    """Compile a moderator regex with RE2, or raise FilterValidationError saying why not."""
    if len(pattern) > MAX_REGEX_CHARS:
        raise FilterValidationError(
            f"The regex is {len(pattern)} characters long; the limit is {MAX_REGEX_CHARS}. "
            "Split it into several filters."
        )
    if _nested_repetition(pattern):
        raise FilterValidationError(
            "The regex repeats a group that already repeats (like '(a+)+'): a catastrophic-"
            "backtracking shape. Write the inner repeat once, e.g. 'a+' instead of '(a+)+'."
        )
    try:
        compiled = re2.compile(pattern, regex_options())
    except re2.error as exc:
        detail = exc.args[0] if exc.args else exc
        if isinstance(detail, bytes):
            detail = detail.decode("utf-8", "replace")
        raise FilterValidationError(
            f"The regex is not valid RE2 syntax ({detail}). RE2 has no look-arounds or "
            "backreferences; rewrite without them."
        ) from exc
    if compiled.programsize > MAX_REGEX_PROGRAM_SIZE:
        raise FilterValidationError(
            f"The regex is too costly (program size {compiled.programsize}, limit "
            f"{MAX_REGEX_PROGRAM_SIZE}); use smaller counted repeats or fewer alternatives."
        )
    if compiled.search("") is not None:
        raise FilterValidationError(
            "The regex matches an empty message, so it would catch everything; "
            "make at least one part required."
        )
    return compiled


def validate_filter(kind: str, pattern: str, allow_list: Sequence[str] = ()) -> None:
    """Check a filter before it is stored; raise FilterValidationError with the reason if bad."""
    if kind not in FILTER_KINDS:
        raise FilterValidationError(
            f"Unknown filter kind '{kind}'; use one of: {', '.join(FILTER_KINDS)}."
        )
    if not pattern.strip():
        raise FilterValidationError("The pattern is empty; give the words, regex or example.")
    if "\x00" in pattern:
        raise FilterValidationError("The pattern contains a NUL character; remove it.")
    parse_allow_list(allow_list)
    if kind == "keyword":
        keywords = split_keywords(pattern)
        if len(keywords) > MAX_KEYWORDS_PER_FILTER:
            raise FilterValidationError(
                f"A keyword filter holds at most {MAX_KEYWORDS_PER_FILTER} keywords; this one "
                f"has {len(keywords)}. Split it into several filters."
            )
        for keyword in keywords:
            parse_keyword(keyword)
    elif kind == "regex":
        compile_regex(pattern)
    else:
        examples = split_examples(pattern)
        for example in examples:
            if len(example) > MAX_EXAMPLE_CHARS:
                raise FilterValidationError(
                    f"An example is limited to {MAX_EXAMPLE_CHARS} characters; shorten it."
                )
            if len(normalize(example).tokens) < 2:
                raise FilterValidationError(
                    f"The example '{example[:40]}' is too short to compare messages with; give "
                    "a whole sentence (use a keyword filter for single words)."
                )


def split_examples(pattern: str) -> list[str]:
    """The example messages of an example filter: one per non-empty line."""
    return [line.strip() for line in pattern.splitlines() if line.strip()]
