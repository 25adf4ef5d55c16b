"""A member attacked through who they are: 'you're trans, nobody takes a confused man seriously',
'she's a woman so of course she thinks ...', 'being Korean-American makes you a sellout'.

A clause that ascribes a protected identity to the person addressed or talked about ('you're
Black', "she's a woman") and a dismissal of that person's voice or worth in the same message
(a word class of ``data/predicates_rule1.json``). Any clearly negative word was tried in place of
the class and flagged ok lines ('you're gay ..., but this thread is about the detention centers'). Flag only. 'You cite RT in every comment' names no identity; 'you're gay?
cool' dismisses nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from bot.moderation.domain.hate_lexicon import Lexicon
from bot.moderation.domain.normalize import squeeze
from bot.moderation.domain.rulebook import PatternRecord, read_in_code
from bot.moderation.domain.statement_forms import predicate_classes

#: Openers that ascribe what follows to the person addressed ('you') or talked about.
_YOU = {("you're",), ("youre",), ("you", "are"), ("u", "r"), ("u", "are"), ("you", "r")}
_THIRD = {("she's",), ("shes",), ("she", "is"), ("he's",), ("hes",), ("he", "is")}

RECORD = read_in_code(
    "member-01",
    1,
    "blame",
    "a member dismissed because of who they are (a protected identity given as the reason)",
)


@cache
def _dismissal() -> re.Pattern[str]:
    words = sorted(predicate_classes()["dismissal"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


def member_attack(
    tokens: Sequence[str], lexicon: Lexicon, extra: dict[str, float], group: bool
) -> PatternRecord | None:
    """``RECORD`` when the message (which names a protected group: ``group``) ascribes a
    protected identity to a person and dismisses them; else ``CHILDREN`` when it ties gay or
    trans people to danger to children (:func:`danger_to_children`)."""
    if not group:
        return None

    def is_group(word: str) -> bool:  # 'trans', 'black', 'a woman', 'korean'
        key = squeeze(word)[0]
        return key in lexicon.groups or key in lexicon.singulars or key in lexicon.adjectives

    fillers = predicate_classes()["ascribe_fillers"]
    for index in range(len(tokens)):
        second = tuple(tokens[index : index + 2])
        width = 2 if second in _YOU or second in _THIRD else 1
        opener = second if width == 2 else (tokens[index],)
        if opener not in _YOU and opener not in _THIRD:
            continue
        at = index + width
        while at < len(tokens) and tokens[at] in fillers:
            at += 1
        if at >= len(tokens) or not is_group(tokens[at]):
            continue
        rest = [*tokens[:index], *tokens[at + 1 :]]
        if _dismissal().search(" ".join(rest)):
            return RECORD
    return danger_to_children(tokens, lexicon)


CHILDREN = read_in_code("children-01", 1, "blame", "gay or trans people tied to danger to children")
_LGBT = frozenset(["sexual orientation", "gender identity"])


def danger_to_children(tokens: Sequence[str], lexicon: Lexicon) -> PatternRecord | None:
    """``CHILDREN`` when one sentence names a sexual-orientation or gender-identity group, a
    child word and a word of grooming or nearness ('don't let the gays groom kids'), the group
    word not naming the children ('trans kids need support')."""
    classes = predicate_classes()
    children, near = classes["children"], classes["near_children"]
    if children.isdisjoint(tokens) or near.isdisjoint(tokens):
        return None
    for index, token in enumerate(tokens):
        key = squeeze(token)[0]
        category = lexicon.groups.get(key) or lexicon.adjectives.get(key)
        if category not in _LGBT:
            continue
        if index + 1 < len(tokens) and tokens[index + 1] in children:
            continue  # 'trans kids', 'gay teens': the children are the group
        window = tokens[max(0, index - 12) : index + 13]
        if not children.isdisjoint(window) and not near.isdisjoint(window):
            return CHILDREN
    return None
