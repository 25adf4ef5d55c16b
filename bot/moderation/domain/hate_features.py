"""Rule 1's statement-model features beyond words: what kind of word stands near a group.

The words and word pairs of :func:`model.masked_statement_features` are a writer's own: a new
writer calls a group 'freeloaders' where the training writers said 'leeches', and a model of
words has never seen the word. These features say the same thing one level up: a word of
contempt (VADER's valence, rule 1's dehumanising and derogatory words) after or before a masked
group ('_q>N': 'qqg are ungrateful freeloaders'), praise near a group ('_q>P'), either under a
negator ('_q>!N': 'qqg aren't lazy'), so what one writer teaches carries to another's words.
Only a message the rule-1 gate lets through is featurized (a dictionary lookup per word).
"""

from __future__ import annotations

from functools import cache

#: Valence at or below which a word is contempt, at or above which it is praise.
NEGATIVE = -1.5
POSITIVE = 1.5
#: How many words after (before) a group a word is read as said of it.
AFTER = 6
BEFORE = 3
GROUP = "qqg"


@cache
def word_classes() -> dict[str, str]:
    """word -> 'N' (contempt) or 'P' (praise): VADER's valences with rule 1's own, and rule 1's
    dehumanising and derogatory words as contempt (package data, read once)."""
    from bot.moderation.domain.hate_lexicon import load_lexicon
    from bot.moderation.domain.valence import valences

    classes = {
        word: ("N" if value <= NEGATIVE else "P")
        for word, value in valences().items()
        if " " not in word and (value <= NEGATIVE or value >= POSITIVE)
    }
    lexicon = load_lexicon()
    for word in (*lexicon.words["dehumanising"], *lexicon.words["derogatory"]):
        if " " not in word:
            classes[word] = "N"
    return classes


def valence_features(words: list[str]) -> list[str]:
    """'_q>N', '_N>q', '_q>!P', ... and '_cls:N' for masked, negation-marked words ('qqg' for a
    group, '!' before a word in a negator's reach)."""
    classes = word_classes()
    marks: list[str] = []
    for word in words:
        negated = word.startswith("!")
        found = classes.get(word[1:] if negated else word, "")
        if word == GROUP or word == "!" + GROUP:
            marks.append("q")
        elif found:
            marks.append("!" + found if negated else found)
        else:
            marks.append("")
    features = {"_cls:" + mark for mark in marks if mark and mark != "q"}
    for index, mark in enumerate(marks):
        if mark != "q":
            continue
        features.update("_q>" + m for m in marks[index + 1 : index + 1 + AFTER] if m and m != "q")
        features.update(
            "_" + m + ">q" for m in marks[max(0, index - BEFORE) : index] if m and m != "q"
        )
    return sorted(features)
