"""How a question's shape changes what a clause says of a group (used by :mod:`statements`):
'why are north qqg so ...' still asks with a copula, and 'who actually thinks qqg are ...'
means that no one does."""

from __future__ import annotations

_BE = frozenset(["are", "is", "was", "were", "r", "be", "been", "being", "get", "got"])
_ASKING = frozenset(["why", "how", "are", "is", "were", "was", "so"])
_WHO_WOULD = frozenset(["would", "could", "will", "thinks", "think", "believes", "believe"])
# 'who actually thinks', 'who would ever': asked of no one ('who else thinks' seeks company).
_WHO_ADVERB = frozenset(["actually", "really", "seriously", "honestly", "even", "would", "could"])


def copula_first(before: list[str]) -> bool:
    """'are qqg ...', and 'why are north qqg ...' / 'are all the qqg': a question's copula
    with at most one word (an adjective of the group, a determiner) between it and the group."""
    if before and before[-1] in _BE:
        return True
    return len(before) >= 2 and before[-2] in _BE and before[0] in _ASKING and before[-1].isalpha()


def is_rhetorical(before: list[str]) -> bool:
    """'who (actually) thinks qqg are ...', 'who would ever trust qqg': a question that means
    no one does, so what follows is denied ('who actually thinks qqg are clean' says they are
    not)."""
    return (
        len(before) >= 2
        and before[0] == "who"
        and before[1] in _WHO_ADVERB
        and not _WHO_WOULD.isdisjoint(before[1:4])
    )
