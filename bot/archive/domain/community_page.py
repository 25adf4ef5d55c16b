"""The community page as an article-like entry, so ``/ask`` can answer questions about the
community itself ("what are the rules here?", "what is this community for?").

The page's description, rules and founding are kept in the community tables, not as an
article: the digest, ``/article`` and the article counts never see this entry. Only the search
index adds it to its corpus, cited as "About this community".
"""

from __future__ import annotations

import hashlib

from bot.archive.domain.articles import Article
from bot.archive.domain.seed_dump import CommunityProfile

COMMUNITY_ARTICLE_ID = "community:about"
COMMUNITY_SOURCE = "community"
COMMUNITY_TITLE = "About this community"


def community_text(profile: CommunityProfile) -> str:
    """The page in plain sentences, one paragraph per part (so each part is its own excerpt)."""
    parts = []
    description = " ".join(profile.description.split())
    name = " ".join(profile.name.split())
    if description:
        parts.append(f"This community, {name}, is for: {description}" if name else description)
    # Founding and reader count in one sentence: one more sentence would move the passage
    # windows and split the rules.
    founded = f"was founded {' '.join(profile.founded.split())}" if profile.founded else ""
    readers = f"listed {profile.readers} when its page was captured" if profile.readers else ""
    if founded or readers:
        parts.append(
            f"This community {' and '.join(x for x in (founded, readers) if x)}"
            f"{_moderators_clause(profile.moderators)}."
        )
    if profile.rules:
        # Last, so the three rules share a passage (passages are windows of three sentences).
        # "Rule 1: ..." rather than "1. ...": a numbered list would split into one-word
        # sentences ("1.") and leave the rules without the word a question asks for.
        parts.append(
            " ".join(f"Rule {r.number}: {' '.join(r.text.split())}" for r in profile.rules)
        )
    return "\n\n".join(parts)


def _moderators_clause(moderators: tuple[str, ...]) -> str:
    """Who moderates, as the page's MODERATORS list says: its names, or that it is empty ("who
    mods this?" is answered by what the page shows, even an empty list). In the founding
    sentence, for the same reason as the reader count; "empty", not "naming no one": "naming"
    would match every question that asks for a name."""
    names = [" ".join(m.split()) for m in moderators if m.strip()]
    if names:
        return f", its MODERATORS list: {', '.join(names)}"
    return ", its MODERATORS list empty"


def community_article(profile: CommunityProfile) -> Article | None:
    """The searchable entry of the community page, or None when the page says nothing."""
    body = community_text(profile)
    if not body:
        return None
    return Article(
        id=COMMUNITY_ARTICLE_ID, source=COMMUNITY_SOURCE, title=COMMUNITY_TITLE, body=body
    )


def community_version(profile: CommunityProfile | None) -> str:
    """A short fingerprint of the entry: part of the index's corpus version, so an index built
    without the page (or with an older one) is rebuilt."""
    article = community_article(profile) if profile is not None else None
    text = article.body if article is not None else ""
    return "page:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
