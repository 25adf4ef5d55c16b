"""Clause forms the statement analysis reads beyond 'group + copula + predicate'.

- 'Is there a single X who isn't P' / 'never met an X who wasn't P': P said of every member.
- Essence ('X are born to smile and obey', 'X just aren't wired for command'): a participle of
  making or nature followed by 'to' or 'for' says what the group is for, not what befalls it.
  Denied, it denies the group a capacity; asserted, a word of service after it ('obey',
  'follow', 'cook') reduces the group to that service.
- Roles ('X make the perfect wife'): praise of a group as wives or servants reduces it.
- Inferiority ('X are too emotional to lead', 'X don't belong in ...', 'X is a mental
  illness'): a capacity, a place or an identity denied to the group, read as contempt.

The word classes are data (``data/predicates_rule1.json``); a reduced reading is spelt with
``REDUCED``, which the detector values as contempt.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from bot.moderation.domain.phrases import word_set
from bot.moderation.domain.valence import valences

#: The word a reduced predicate is rewritten to ('born to obey' -> 'born to subservient').
REDUCED = "subservient"
PREDICATES_FILE = "predicates_rule1.json"

#: Negators of the statement analysis (shared with statements.py).
NEGATORS = word_set(
    """not no never nobody none nothing neither nor cannot can't cant don't dont doesn't
    doesnt didn't didnt isn't isnt aren't arent wasn't wasnt weren't werent won't wont
    wouldn't wouldnt shouldn't shouldnt hardly n't"""
)
_NEGATORS = NEGATORS
_BE = word_set("are is was were r be been being get got they're theyre we're re")
_RELATIVE = frozenset(["who", "that"])
_EXISTENTIAL = frozenset(["any", "single", "one", "never", "no", "name", "ever", "find"])


@cache
def predicate_classes() -> dict[str, frozenset[str]]:
    """The word classes of ``data/predicates_rule1.json`` (package data, read once)."""
    resource = resources.files("bot.moderation").joinpath("data", PREDICATES_FILE)
    payload = json.loads(resource.read_text(encoding="utf-8"))
    return {k: frozenset(v) for k, v in payload.items() if isinstance(v, list)}


def reduced_valences() -> dict[str, float]:
    """Valences of the 'reduced' words (and ``REDUCED``) for the detector's own table."""
    resource = resources.files("bot.moderation").joinpath("data", PREDICATES_FILE)
    value = float(json.loads(resource.read_text(encoding="utf-8"))["valence"])
    return {w: value for w in predicate_classes()["reduced"] | {REDUCED}}


@cache
def _inferiority() -> re.Pattern[str]:
    resource = resources.files("bot.moderation").joinpath("data", PREDICATES_FILE)
    found = json.loads(resource.read_text(encoding="utf-8"))["inferiority"]
    return re.compile(r"(?<![\w'])(?:" + "|".join(found) + r")(?![\w'])")


def inferior(after: list[str]) -> str:
    """The words that deny the group a capacity, a place or its identity in the (up to ten)
    words after it ('are too emotional to lead', "don't belong in"), else ''. A negator just
    before a phrase that is not itself negative denies it ('are not too emotional to lead')."""
    if after[:1] in (["as"], ["like"]):
        return ""  # 'treats qqg as a mental illness': what others make of the group
    text = " ".join(after[:10])
    found = _inferiority().search(text)
    if found is None:
        return ""
    before = text[: found.start()].split()[-2:]
    if found.group(0).split(" ")[0] not in _NEGATORS and not _NEGATORS.isdisjoint(before):
        return ""
    return found.group(0)


def inferior_claim(before: list[str], after: list[str]) -> str:
    """:func:`inferior`, unless a verb of treating or naming around the group says what
    others make of it ('calls qqg a disease', 'qqg get treated as a mental illness')."""
    found = inferior(after)
    ahead = " ".join(after[:10]).split(found)[0].split(" ") if found else []
    if not (_TREATING.isdisjoint(before[-3:]) and _TREATING.isdisjoint(ahead)):
        return ""  # ... or 'qqg in the north are seen as unfit to'
    return found


_TREATING = word_set(
    """treat treats treated treating call calls called calling see sees saw seen view views viewed
    deemed thought
    consider considers considered label labels labelled labeled brand brands branded regard
    regards regarded describe describes described"""
)


def every_one_is(before: list[str], after: list[str]) -> list[str] | None:
    """The predicate of 'is there any qqg who isn't P' / 'never met a qqg who wasn't P' (P,
    said of every member), else None."""
    if _EXISTENTIAL.isdisjoint(before[-5:]):
        return None
    for index, word in enumerate(after[:3]):
        if word in _RELATIVE and index + 1 < len(after) and after[index + 1] in _NEGATORS:
            rest = after[index + 2 :]
            if rest and rest[0] in ("a", "an", "be", "being", "so", "just", "some", "also"):
                rest = rest[1:]
            return rest or None
    return None


def essence(after: list[str]) -> tuple[list[str], bool] | None:
    """(what the group is said to be for, denied?) when ``after`` opens with an essence
    participle ('are born to ...', "just aren't wired for ...", 'are not cut out for ...');
    None otherwise, or when an agent follows ('are made to work by the regime')."""
    classes = predicate_classes()
    skip, participles = classes["essence_skip"], classes["essence"]
    denied = False
    seen_be = False
    for index, word in enumerate(after[:6]):
        if word in _NEGATORS:
            denied = True
            if word not in ("not", "never", "n't"):
                seen_be = True  # "aren't", 'isnt': a copula and its negator
            continue
        if word in _BE:
            seen_be = True
            continue
        if word in skip:
            continue
        if word not in participles or not seen_be:
            return None
        rest = after[index + 1 :]
        if word == "cut":  # 'cut out for'
            rest = rest[1:] if rest[:1] == ["out"] else []
        if not rest or rest[0] not in ("to", "for") or "by" in rest:
            return None
        said = rest[1:]
        if not said or said[0] in classes["essence_not_after"] or (denied and said[0] == "be"):
            return None  # 'are not meant to be silent': what is denied may be the stereotype
        return [REDUCED if w in classes["service"] else w for w in said], denied
    return None


def reduce_roles(words: list[str]) -> list[str]:
    """'make the perfect wife' -> 'make the subservient': a group praised as wives or servants
    (after 'make', the role noun may have been tagged as a group: 'make the ideal qqg')."""
    classes = predicate_classes()
    roles, praise = classes["roles"], classes["role_praise"]
    made = not _MAKE.isdisjoint(words[:2])
    if roles.isdisjoint(words) and not made:
        return words
    out = list(words)
    for index, word in enumerate(out[:-1]):
        if word in praise:
            noun = out[index + 1]
            if noun == "little" and index + 2 < len(out):
                noun = out[index + 2]
            if noun in roles or (made and noun == "qqg" and index <= 3):
                out[index] = REDUCED
    return out


_MAKE = frozenset(["make", "makes"])


def carries_negativity(tokens: tuple[str, ...], extra: dict[str, float]) -> bool:
    """Whether any word of the message is clearly negative (valence -1.5 or lower) and not
    negated in the three words before it."""
    table = valences()
    reach = 0
    for token in tokens:
        if token in _NEGATORS:
            reach = 3
            continue
        value = extra.get(token, table.get(token, 0.0))
        if value <= -1.5 and not reach:
            return True
        reach = max(0, reach - 1)
    return False
