"""Parser for the community page dump (a copy of the Lemmy community page).

The dump is plain text: the community name, reader counts, a description, ``Rules:`` with numbered rules,
``founded ...``, ``MODERATORS`` (names, possibly none), then posts. Each post starts with a block of
number-only lines (the page's list counters and vote score), optionally a title line ``Title (domain)`` and
a ``submitted ... by AUTHOR to c/COMMUNITY`` line, then spacer lines made of non-breaking spaces, then the
body paragraphs. Posts with no body (link-only entries) are skipped.

The page shows ages, not dates ("submitted 1 year ago"), and the dump does not say when it was
captured. A post's age is kept (``SeedPost.age``); readers turn it into an approximate date
with ``approximate_date``, counted back from the moment the dump is first ingested. That moment
is no earlier than the capture, so the date is the latest the post can have been written (it is
at least that old), and it never moves afterwards (re-ingesting adds nothing). Posts without an
age stay undated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.archive.domain.articles import derive_title

_RULE = re.compile(r"^\s*(\d+)\.\s+(\S.*?)\s*$")
_NUMBER_ONLY = re.compile(r"^\d+$")
_TITLE = re.compile(r"^(?P<title>\S.*?)\s+\((?P<domain>[^()\s]+)\)$")
_SUBMITTED = re.compile(
    r"^submitted\s+(?P<when>.+?)\s+by\s+(?P<author>\S+)(?:\s+to\s+c/(?P<community>\S+))?\s*$"
)
_READERS = re.compile(r"^[\d,.]+k?\s+(readers|subscribers)$", re.IGNORECASE)
_USERS_HERE = re.compile(r"^[\d,.]+k?\s+users?\s+here\s+now$", re.IGNORECASE)
_FOUNDED = re.compile(r"^founded\s+(?P<when>.+?)\s*$", re.IGNORECASE)
_HEADER_SCAN_LINES = 60
_AGE = re.compile(
    r"^(?P<count>\d+|an?|one)\s+(?P<unit>second|minute|hour|day|week|month|year)s?\s+ago$",
    re.IGNORECASE,
)


class SeedDumpError(ValueError):
    """The text is not a community page dump, or a damaged one."""

    def __init__(self, source: str, line: int, message: str) -> None:
        super().__init__(f"{source}:{line}: {message}")
        self.source = source
        self.line = line
        self.reason = message


@dataclass(frozen=True, slots=True)
class Rule:
    number: int
    text: str


@dataclass(frozen=True, slots=True)
class CommunityProfile:
    name: str
    description: str
    rules: tuple[Rule, ...]
    founded: str | None
    moderators: tuple[str, ...] = ()
    # The page's own count when it was captured ("55 readers"), as written; None if absent.
    readers: str | None = None


@dataclass(frozen=True, slots=True)
class PostAge:
    """An age as the page shows it ("1 year ago"): a count of a calendar unit."""

    count: int
    unit: str  # second, minute, hour, day, week, month or year

    def __str__(self) -> str:
        return f"{self.count} {self.unit}{'s' if self.count != 1 else ''} ago"


@dataclass(frozen=True, slots=True)
class SeedPost:
    """One post of the dump: ``title`` is the dump's own title or one derived from the body;
    ``age`` is what its "submitted ... ago" line says, when it has one."""

    title: str
    body: str
    author: str | None
    has_own_title: bool
    line: int
    domain: str | None = None
    age: PostAge | None = None


def parse_age(text: str) -> PostAge | None:
    """ "1 year ago", "an hour ago", "3 days ago" -> PostAge; anything else -> None."""
    match = _AGE.match(" ".join(text.split()))
    if match is None:
        return None
    raw = match.group("count").casefold()
    count = 1 if raw in ("a", "an", "one") else int(raw)
    return PostAge(count, match.group("unit").casefold())


def approximate_date(age: PostAge, reference: datetime) -> datetime:
    """The moment ``age`` before ``reference`` (calendar months and years: 1 year before
    29 Feb is 28 Feb)."""
    if age.unit in ("month", "year"):
        months = age.count * (12 if age.unit == "year" else 1)
        total = reference.year * 12 + reference.month - 1 - months
        year, month = divmod(total, 12)
        month += 1
        day = min(reference.day, _days_in_month(year, month))
        return reference.replace(year=year, month=month, day=day)
    seconds = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800}
    return reference - timedelta(seconds=age.count * seconds[age.unit])


def _days_in_month(year: int, month: int) -> int:
    following = datetime(year + month // 12, month % 12 + 1, 1)
    return (following - timedelta(days=1)).day


@dataclass(frozen=True, slots=True)
class CommunityDump:
    profile: CommunityProfile
    posts: tuple[SeedPost, ...]


def looks_like_seed_dump(text: str) -> bool:
    """Whether ``text`` looks like a community page dump (content sniffing for ``ingest``)."""
    head = [line.strip() for line in text.splitlines()[:_HEADER_SCAN_LINES]]
    has_rules = "Rules:" in head
    has_mods = "MODERATORS" in head
    has_counts = any(_USERS_HERE.match(line) or _READERS.match(line) for line in head)
    return has_mods and (has_rules or has_counts)


def _is_spacer(line: str) -> bool:
    # The page's spacer lines hold non-breaking spaces: blank after strip(), but not empty.
    return line != "" and line.strip() == ""


def parse_seed_dump(text: str, source: str = "<seed>") -> CommunityDump:
    """Parse a community page dump; raise SeedDumpError naming ``source`` and the line on damage."""
    if "\x00" in text:
        raise SeedDumpError(
            source, text[: text.index("\x00")].count("\n") + 1, "binary data (NUL byte)"
        )
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise SeedDumpError(source, 1, "expected the community name on the first line")
    name = lines[0].strip()
    if _NUMBER_ONLY.match(name) or name in ("Rules:", "MODERATORS"):
        raise SeedDumpError(source, 1, f"expected the community name, found {name!r}")

    mods_at = _find_line(lines, "MODERATORS")
    if mods_at is None:
        raise SeedDumpError(
            source, len(lines), "no 'MODERATORS' line: this is not a community page dump"
        )
    header = lines[1:mods_at]
    rules_at = _find_line(header, "Rules:")
    description_lines: list[str] = []
    rules: list[Rule] = []
    founded: str | None = None
    readers: str | None = None
    rules_done = rules_at is None
    for offset, raw in enumerate(header):
        lineno = offset + 2
        line = raw.strip()
        if _READERS.match(line):
            readers = readers or " ".join(line.split())
            continue
        if not line or _USERS_HERE.match(line):
            continue
        if founded_match := _FOUNDED.match(line):
            founded = founded_match.group("when")
            rules_done = True
            continue
        if rules_at is not None and offset == rules_at:
            continue
        if rules_at is not None and offset > rules_at and not rules_done:
            match = _RULE.match(raw)
            if match is None:
                rules_done = True
                description_lines.append(line)
                continue
            number = int(match.group(1))
            if number != len(rules) + 1:
                raise SeedDumpError(
                    source,
                    lineno,
                    f"rule numbered {number} where rule {len(rules) + 1} was expected",
                )
            rules.append(Rule(number, match.group(2)))
            continue
        description_lines.append(line)
    if rules_at is not None and not rules:
        raise SeedDumpError(source, rules_at + 2, "'Rules:' is followed by no numbered rule")

    moderators, posts = _parse_body(lines, mods_at + 1, source)
    if not posts:
        raise SeedDumpError(source, len(lines), "the dump has no post with a body")
    profile = CommunityProfile(
        name=name,
        description=" ".join(description_lines),
        rules=tuple(rules),
        founded=founded,
        moderators=tuple(moderators),
        readers=readers,
    )
    return CommunityDump(profile=profile, posts=tuple(posts))


def _find_line(lines: list[str], wanted: str) -> int | None:
    for index, line in enumerate(lines):
        if line.strip() == wanted:
            return index
    return None


_Header = tuple[int, str | None, str | None, str | None, PostAge | None]


def _post_header_end(lines: list[str], start: int) -> _Header | None:
    """If a post header starts at ``start``, return (body start, title, author, domain, age)."""
    index = start
    while index < len(lines) and _NUMBER_ONLY.match(lines[index].strip() or "x"):
        index += 1
    if index == start:
        return None
    title = author = domain = None
    age = None
    if index + 1 < len(lines) and (title_match := _TITLE.match(lines[index].strip())):
        submitted = _SUBMITTED.match(lines[index + 1].strip())
        if submitted:
            title, domain = title_match.group("title"), title_match.group("domain")
            author = submitted.group("author")
            age = parse_age(submitted.group("when"))
            index += 2
    if index >= len(lines):
        return index, title, author, domain, age
    # Number-only lines not followed by the spacer are ordinary text (e.g. a year on its own line).
    if (
        not _is_spacer(lines[index])
        and title is None
        and _NUMBER_ONLY.match(lines[index].strip() or "x") is None
    ):
        return None
    while index < len(lines) and _is_spacer(lines[index]):
        index += 1
    return index, title, author, domain, age


def _parse_body(lines: list[str], start: int, source: str) -> tuple[list[str], list[SeedPost]]:
    moderators: list[str] = []
    index = start
    while index < len(lines) and _post_header_end(lines, index) is None:
        name = lines[index].strip()
        if name:
            moderators.append(name)
        index += 1

    posts: list[SeedPost] = []
    while index < len(lines):
        header = _post_header_end(lines, index)
        if header is None:  # pragma: no cover - the loop only stops on a header
            raise SeedDumpError(source, index + 1, "expected a post header")
        body_start, title, author, domain, age = header
        end = body_start
        while end < len(lines) and _post_header_end(lines, end) is None:
            stripped = lines[end].strip()
            if _SUBMITTED.match(stripped) and title is None:
                raise SeedDumpError(
                    source, end + 1, "a 'submitted ... by' line without a title above it"
                )
            end += 1
        paragraphs = _paragraphs(lines[body_start:end])
        body = "\n\n".join(paragraphs)
        if body:
            posts.append(
                SeedPost(
                    title=title or derive_title(body),
                    body=body,
                    author=author,
                    has_own_title=title is not None,
                    line=body_start + 1,
                    domain=domain,
                    age=age,
                )
            )
        index = end
    return moderators, posts


def _paragraphs(block: list[str]) -> list[str]:
    paragraphs: list[str] = []
    current: list[str] = []
    for raw in block:
        line = raw.strip()
        if line:
            current.append(line)
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs
