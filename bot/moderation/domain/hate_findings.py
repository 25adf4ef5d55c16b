"""Rule 1's findings in one clause tagged by the lexicon ('qqg are vermin'): what the statement
records find, and slurs aimed at people. Used by detectors_hate.HateDetector."""

from __future__ import annotations

import re

from bot.moderation.domain.chinese import HAN, KANA
from bot.moderation.domain.hate_context import (
    ABOUT_GROUP,
    DENIED_OPENING,
    Finding,
    describes_treatment,
    gerund_subject,
    negated,
    relative_object,
    reported,
)
from bot.moderation.domain.hate_lexicon import Lexicon, TaggedClause, self_identified
from bot.moderation.domain.hate_reading import clip, named, spoken
from bot.moderation.domain.hate_rules import RecordFamily
from bot.moderation.domain.korean import HANGUL
from bot.moderation.domain.literal_gate import word_runs
from bot.moderation.domain.normalize import normalize_plain, squeeze, tokenize
from bot.moderation.domain.rulebook import passing


def record_findings(
    families: tuple[RecordFamily, ...], tagged: TaggedClause, quoted: bool, quoted_spans: list[str]
) -> list[Finding]:
    """What the statement records find in one tagged clause: at most one finding per family
    (its first record that matches and is not negated, reported or about the treatment of a
    group)."""
    found: list[Finding] = []
    words = set(tagged.text.split(" "))
    runs = word_runs(tagged.text)
    denied = DENIED_OPENING.match(tagged.text) is not None
    for family in families:
        if denied and family.negatable:
            continue  # 'it's not true that X are lazy'

        if family.triggers is not None and family.triggers.isdisjoint(words):
            continue
        # Only the records whose derived gates pass: the others cannot match this clause.
        for record in passing(family.records, runs):
            match = record.regex.search(tagged.text)
            if match is None:
                continue
            if family.negatable and negated(tagged.text, match):
                continue
            if family.kind == "hate" and reported(tagged.text, match):
                continue
            if family.kind in ABOUT_GROUP and (
                gerund_subject(tagged.text) or relative_object(tagged.text)
            ):
                continue
            if family.kind in ABOUT_GROUP and describes_treatment(tagged.text, match):
                continue
            if _reclaimed_slur_predicate(tagged.text, match):
                continue
            target = (tagged.groups or tuple(s[1] for s in tagged.slurs) or ("them",))[0]
            # The predicate: the first of p, p2, ... that matched ('(?P<p>..)|(?P<p2>..)').
            predicate = next(
                (v for k, v in match.groupdict().items() if k[0] == "p" and v), match.group(0)
            )
            predicate = spoken(predicate, target)
            found.append(
                Finding(
                    family.kind,
                    f"{record.reason} ('{predicate}' about '{target}')",
                    clip(named(tagged)),
                    quoted or any(target in s and predicate in s for s in quoted_spans),
                    record.id,
                )
            )
            break
    return found


def _reclaimed_slur_predicate(text: str, match: re.Match[str]) -> bool:
    """'me and my girls are a bunch of bad qqs': a slur said of the speaker's own group
    (reclaimed, as in :func:`slur_uses`), not a statement about others."""
    predicate = next((v for k, v in match.groupdict().items() if k[0] == "p" and v), "")
    return predicate == "qqs" and self_identified(text[: match.start()].rstrip())


def slur_uses(tagged: TaggedClause, quoted: bool) -> list[Finding]:
    """The slurs of one tagged clause aimed at a person, except those said of oneself or one's
    own group (reclaimed)."""
    found: list[Finding] = []
    words = tagged.text.split(" ")
    slur_positions = [i for i, word in enumerate(words) if word == "qqs"]
    for (slur, written, person), position in zip(
        [s for s in tagged.slurs if s[2]], slur_positions, strict=False
    ):
        if not person or not slur.strong:
            continue
        if self_identified(" ".join(words[:position])):
            continue  # reclaimed: said of oneself or one's own group
        found.append(
            Finding(
                # Only slurs that are no ordinary word and not reclaimed may be removed.
                "slur" if slur.homonym or slur.reclaimable else "slur!",
                f"a slur against {slur.group.split('/')[0]} ('{written}')",
                written,
                quoted,
            )
        )
    return found


#: Hangul, Han characters and kana: the normaliser romanises them (unidecode), and a romanised
#: Korean or Chinese word can spell an English slur ('인준', a confirmation vote -> 'injun') or
#: come close to a listed romanised Korean one ('동남아', South-east Asia -> 'dongnam a').
_ROMANISED_SCRIPTS = (HANGUL, HAN, KANA)


def written_in_latin(findings: list[Finding], original: str, lexicon: Lexicon) -> list[Finding]:
    """The slur findings of a message that holds Korean, Japanese or Chinese text: those among
    the words of the rest of the message (tokenised as every message is, so 'ch!nk' and
    'c h i n k' count; '*' stands for any letter), and those whose romanised form is itself a
    listed romanised slur, flag only ('김치녀' -> 'gimcinyeo'), not an English slur or a near
    spelling."""
    if not findings or original.isascii():
        return findings
    rest = original
    for script in _ROMANISED_SCRIPTS:
        rest = script.sub(" ", rest)
    if rest == original:
        return findings
    words = tokenize(normalize_plain(rest))
    return [
        f
        for f in findings
        if all(any(_spells(w, part) for w in words) for part in f.matched.casefold().split())
        or _listed_romanised(lexicon, f.matched)
    ]


def _spells(word: str, slur: str) -> bool:
    return len(word) == len(slur) and all(a in ("*", b) for a, b in zip(word, slur, strict=True))


def _listed_romanised(lexicon: Lexicon, matched: str) -> bool:
    slur = lexicon.slurs.get(squeeze(matched.replace(" ", ""))[0])
    return slur is not None and slur.reclaimable  # the romanised Korean slurs are flag only
