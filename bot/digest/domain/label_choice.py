"""Which candidates make a topic's label, as a reader reads it (issue 15, round 13).

Two blind readers (training/data/digest/dev/reader_ab_2026_12_07*.jsonl) judged most labels
poor for three reasons: the label names someone or something the highlights under it never
mention (a name from deep in a report's text, or from a story that is not shown), it is a bare
name, place or role with no event ("Kim Tok Hun", "North Phyongan Province", "Syrian PM"), or a
vague two-word subject ("White Paper", "Construction Site"). So a label part must be written by
what the reader sees (a highlight's headline or the start of its report), the topic's first
highlight counts most, and a part that does not stand alone is kept only beside a part that
says what happened.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from bot.digest.domain.lexicon import FUNCTION_WORDS, fold, is_adverb, newsroom, words
from bot.digest.domain.newsroom_data import newsroom_yaml, word_list
from bot.digest.domain.readable import is_bare_name, label_words, reads_well

VISIBLE_LEAD_CHARS = 400  # about what a highlight's summary shows of its report
FIRST_HIGHLIGHT_BOOST = 2.0  # a part the topic's first highlight writes names what leads it
MAX_SUBJECT_CHARS = 48
PARTNER_WINDOW = 2  # a second part comes from the next few candidates, not from far down


def visible_text(headlines: Sequence[str], lead: str) -> str:
    """What a reader sees of a story, folded: headlines and the start of its report."""
    return (
        " "
        + " ".join(fold(w) for w in words(" ".join((*headlines, lead[:VISIBLE_LEAD_CHARS]))))
        + " "
    )


def looks_like_person(part: str, capitalised: frozenset[str]) -> bool:
    """A bare name (no event, no kind of place, body or role) of two to four capitalised words
    that the texts write as names, short Korean syllables included ("O Su Yong", "Ri Il Hyok")."""
    tokens = part.split()
    return (
        2 <= len(tokens) <= 4
        and is_bare_name(part)
        and all(
            t[:1].isupper() and (fold(t).removesuffix("'s") in capitalised or len(t) <= 3)
            for t in tokens
        )
    )


def says_what_happened(part: str) -> bool:
    """A part with an event noun ("Field Guidance" is not one; "Flood Recovery" is)."""
    events = label_words().event_nouns
    return any(piece in events for w in part.split() for piece in fold(w).split("-"))


def stands_alone(part: str, capitalised: frozenset[str]) -> bool:
    """Whether one part is a label by itself: not a person's bare name, not a place, body or
    role with no event, not one word, not two words with neither a name nor an event."""
    if says_what_happened(part):
        return True
    if looks_like_person(part, capitalised):
        return False
    lists = label_words()
    keys = [fold(w).removesuffix("'s") for w in part.split()]
    if len(keys) == 1:  # one word that is no event: an acronym or a name a reader must place
        return False
    if any(piece in lists.kind_nouns for k in keys for piece in k.split("-")):
        return False
    named = any(k in capitalised and k not in lists.not_names for k in keys)
    return len(keys) >= 3 or named


def choose_parts(
    scored: Sequence[tuple[float, str]],
    surface: dict[str, str],
    related: Callable[[str, str], bool],
    capitalised: frozenset[str],
    limit: int = 2,
) -> list[str]:
    """The label's parts (keys), from candidates best first: the best part, and beside it the
    best related part; a part that does not stand alone needs a related part it reads with
    (``_pair_reads``); a person's name is never the second part (readers cannot place it beside a
    topic that is already named)."""
    keys = [key for _, key in scored]
    for position, key in enumerate(keys):
        partner = next(
            (
                other
                for other in keys[: position + 1 + PARTNER_WINDOW]
                if other != key
                and not set(key.split()) & set(other.split())
                and not looks_like_person(surface[other], capitalised)
                and related(key, other)
            ),
            None,
        )
        alone = stands_alone(surface[key], capitalised)
        if alone:
            return [key, partner][:limit] if partner and limit > 1 else [key]
        if partner and limit > 1 and _pair_reads(surface[key], surface[partner], capitalised):
            return [key, partner]
    return []


def _pair_reads(part: str, partner: str, capitalised: frozenset[str]) -> bool:
    """Two related parts neither of which stands alone read as a topic when one says what
    happened, when a person stands beside a role ("Kim Tok Hun · Belarusian Foreign Minister"),
    or when neither is a person, a place or one word ("DPRK Player · Gold Medal")."""
    if says_what_happened(part) or says_what_happened(partner):
        return True
    if " " not in part or " " not in partner:  # an acronym beside a name: "PRC · CPC"
        return False
    if looks_like_person(part, capitalised):
        return _has(partner, "role_nouns")
    return not (_has(part, "place_nouns") or _has(partner, "place_nouns"))


def _has(part: str, key: str) -> bool:
    listed = _listed(key)
    return any(piece in listed for w in part.split() for piece in fold(w).split("-"))


@lru_cache(maxsize=4)
def _listed(key: str) -> frozenset[str]:
    return frozenset(word_list(newsroom_yaml(), f"label_{key}"))


def headline_subject(headline: str, capitalised: frozenset[str]) -> str | None:
    """A plain description of a highlight from its headline, when no candidate part reads as a
    label: what comes before its verb ("ICBM Test-fire" Conducted in DPRK), or after it when a
    person's name comes before (Kim Jong Un Oversees "Performance Test of Drones"), the whole
    headline when both sides are names ("Kim Tok Hun Receives Ri Il Hyok"), cut to
    MAX_SUBJECT_CHARS at a word that does not leave a particle dangling."""
    room = newsroom()
    tokens = [t for t in _unattributed(headline).split() if not room.is_honorific(t)]
    verb = next((i for i, t in enumerate(tokens) if room.is_verb(t)), len(tokens))
    before, after = tokens[:verb], tokens[verb + 1 :]
    if len(before) >= 2 and not looks_like_person(" ".join(before), capitalised):
        chosen = before
    elif after and not looks_like_person(" ".join(after), capitalised):
        chosen = after
    elif verb < len(tokens):  # one person receives another: the headline says what happened
        chosen = tokens
    else:
        return None
    text = _cut(chosen)
    return text if len(text.split()) >= 2 and reads_well(text, capitalised) else None


def plain_headline(headline: str) -> str | None:
    """The last resort: the highlight's headline itself, without forms of address, cut as
    ``headline_subject`` cuts (a reader understands a headline; not a slogan of its text)."""
    room = newsroom()
    return _cut([t for t in _unattributed(headline).split() if not room.is_honorific(t)]) or None


def _unattributed(headline: str) -> str:
    """A headline without the source it quotes ("...: Rodong Sinmun")."""
    head, _, source = headline.rpartition(":")
    return head if head.strip() and len(source.split()) <= 6 else headline


def _cut(chosen: Sequence[str]) -> str:
    """``chosen`` words up to MAX_SUBJECT_CHARS, ending before a particle, not inside a name."""
    cut: list[str] = []
    for token in chosen:
        if len(" ".join([*cut, token])) > MAX_SUBJECT_CHARS:
            # Cut short: end before the last particle, not inside a name ("... of CPC Central").
            ends = [i for i, t in enumerate(cut) if fold(t) in FUNCTION_WORDS and i >= 2]
            cut = cut[: ends[-1]] if ends else cut
            break
        cut.append(token)
    while cut and (fold(cut[-1]) in FUNCTION_WORDS or is_adverb(cut[-1])):
        cut.pop()
    while cut and fold(cut[0]) in FUNCTION_WORDS:
        cut.pop(0)
    return " ".join(cut).strip(",:;")
