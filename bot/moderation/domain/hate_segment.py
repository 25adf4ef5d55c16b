"""Repair words that were run together or split apart to slip past rule 1.

'Ihate women', 'I h a t e muslims' (normalisation joins the letters into 'ihate'),
'killallgays' and 'mus lims' are not words the lexicon knows. :class:`WordRepair` splits a
token that is made entirely of rule-1 vocabulary ('i' + 'hate', 'kill' + 'all' + 'gays') and
joins neighbouring fragments that together spell a group or slur ('mus' + 'lims'). It never
touches a word that ordinary chat uses: the vocabulary of the trained model (davidson-2017
tweets) stands in for an English dictionary, so 'therapist' or 'island' stay whole.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import ahocorasick

from bot.moderation.domain.hate_lexicon import Lexicon
from bot.moderation.domain.hate_masks import StarredWords
from bot.moderation.domain.hate_runs import RunSplitter
from bot.moderation.domain.hate_spelling import (
    ShortTypos,
    Speller,
    base_terms,
    english_words,
    written_terms,
)
from bot.moderation.domain.normalize import NormalizedText, normalize, squeeze

# Pieces a run-together token may start with: who speaks, or what is done to whom.
_SUBJECTS = frozenset(["i", "we", "u", "ill", "id", "im", "iwill", "iwould", "you"])
_QUANTIFIERS = frozenset(["all", "those", "these", "them", "every", "fucking", "dirty"])
_MAX_SPLIT_LEN = 40
# Endings a slur takes in chat that the lexicon does not list ('niggaz', 'spazzes',
# 'faggotry'), matched on the squeezed token and replaced to find the listed form.
_SLUR_ENDINGS = (("z", "s"), ("es", ""), ("ry", ""), ("z", ""))
# Digits that stand for letters besides normalize's leetspeak ('fa66ots', 'ni66ers').
_DIGIT_LETTERS = frozenset("68")
_DIGIT_TABLE = str.maketrans({"6": "g", "8": "b"})
# Tokens whose repair is remembered (see WordRepair._learn) before the memory starts afresh.
_MAX_LEARNED = 131_072
_COPULAS = frozenset(["are", "is", "r", "were", "was"])
_REGIONS = frozenset(
    ["north", "south", "east", "west", "northern", "southern", "eastern", "western"]
)
# A run-together question: 'why are ...', 'how come ...'.
_OPENERS = frozenset(["why", "how"])
_DUMMIES = frozenset(["do", "does", "come"])
_MODALS = frozenset(["should", "must", "deserve", "belong", "need", "shouldnt", "cant", "dont"])
_SHORT_PIECES = frozenset(
    [
        "a",
        "i",
        "in",
        "is",
        "to",
        "of",
        "be",
        "we",
        "me",
        "my",
        "no",
        "so",
        "at",
        "on",
        "an",
        "or",
        "us",
        "go",
        "do",
        "he",
        "it",
        "up",
        "am",
    ]
)


@dataclass(slots=True)
class _Learned:
    """What WordRepair._learn found out about each token met so far: ``seen`` tokens,
    the ``unknown`` words among them, the ``fixes`` of those that have one, and the
    ``short`` unknown words a neighbour may correct (see ShortTypos)."""

    seen: set[str] = field(default_factory=set)
    unknown: set[str] = field(default_factory=set)
    fixes: dict[str, str] = field(default_factory=dict)
    short: set[str] = field(default_factory=set)


class WordRepair:
    """Splits run-together tokens and joins split fragments, using rule-1 vocabulary only."""

    def __init__(self, lexicon: Lexicon, common_words: Iterable[str]) -> None:
        self._common = frozenset(common_words)
        verbs = {
            w
            for name in ("emotion_verbs", "threat_verbs")
            for w in lexicon.words.get(name, [])
            if " " not in w
        }
        self._verbs = frozenset(verbs | {"love", "want", "wanna", "gonna"} - {"screw"})
        self._targets = frozenset(
            [k for k in lexicon.groups if " " not in k]
            + [k for k, s in lexicon.slurs.items() if s.strong and " " not in k]
            + [k for k in lexicon.adjectives if " " not in k]
        )
        self._lexicon_words = frozenset(
            set(self._targets)
            | set(lexicon.singulars)
            | set(lexicon.slurs)
            | {w for words in lexicon.words.values() for w in words}
        )
        # 'muslimsare', 'jewsareparasites': a group run into what is said of it.
        self._said = (
            frozenset(
                w
                for name in ("derogatory", "dehumanising")
                for w in lexicon.words.get(name, [])
                if " " not in w and len(w) >= 3
            )
            | lexicon.person_nouns
        )
        # Group names as written as well as squeezed: 'refugeesshould' holds 'refugees'.
        self._written = written_terms() - self._targets
        self._split_targets = self._targets | self._written
        self._rule1_pieces = (
            self._verbs
            | self._targets
            | self._written
            | _SUBJECTS
            | _QUANTIFIERS
            | _COPULAS
            | self._said
            | _OPENERS
            | _REGIONS
        )
        # Every chat word may be a piece ('womenbelonginthekitchen'), squeezed too (a token
        # that only splits once squeezed); a split must still read as a statement about a
        # group (see _split_uncached).
        general = {w for w in self._common if w.isalpha() and len(w) >= 3} | _SHORT_PIECES
        general |= {squeeze(w)[0] for w in general}
        self._pieces = self._rule1_pieces | frozenset(general) | _MODALS
        # Fewest pieces, lexicon words and copulas preferred ('jews are a disease', not
        # 'jews area disease'; 'kitchen', not 'k itch en').
        self._cost = {p: 1.0 for p in self._pieces}
        self._cost.update({p: 0.8 for p in self._rule1_pieces})
        self._cost.update({p: 0.45 for p in _COPULAS | _MODALS | {"a", "the", "all"}})
        self._cost.update({p: 3.0 for p in self._pieces if len(p) == 1 and p not in "ai"})
        self._cost.pop("r", None)  # 'conferred' is no 'con fe r red'
        self._max_piece = min(16, max(len(p) for p in self._pieces))
        self._starts = frozenset(p[0] for p in self._pieces)
        # Every split _split_uncached accepts holds a verb, a target or a word said of a
        # group (see its return paths), and a split's pieces are substrings of the token: a
        # token holding none of them is refused by one Aho-Corasick scan in C, before the
        # start and end tests and the segmentation (most unknown tokens: names, link codes).
        self._anchors = _automaton(self._verbs | self._split_targets | self._said)
        self._split = lru_cache(maxsize=65_536)(self._split_uncached)
        self.starred = StarredWords(lexicon)  # words with letters starred out
        # Tokens that are never repaired nor fragments: words of chat and of the lexicon.
        self._skip = self._common | self._lexicon_words
        self._memory = _Learned()
        self._english = english_words()
        self._short = ShortTypos(
            [a for a in lexicon.adjectives if a in base_terms()], self._verbs, lexicon.person_nouns
        )
        # Slurs by their squeezed key, as written: what an inflected slur is repaired to.
        self._slurs = {key: slur.word for key, slur in lexicon.slurs.items() if " " not in key}
        runs = self._split_targets | set(self._slurs.values())  # splits whole phrases:
        self._runs = RunSplitter(runs, self._cost, self._english, _SHORT_PIECES)
        # Fragments a split group or slur can start with ('mus' of 'muslims').
        self._heads = (
            frozenset(t[:i] for t in self._targets for i in range(2, len(t) - 1)) - self._skip
        )
        self._prefixes = frozenset(p for p in self._rule1_pieces if len(p) <= 8)
        predicates = {
            w
            for name in ("derogatory", "dehumanising", "threat_verbs", "threat_participles")
            for w in lexicon.words.get(name, [])
            if " " not in w
        }
        # The speller corrects towards the lexicon's own words, not towards the misspellings
        # the lexicon also lists ('venezuelasn').
        spelled = base_terms()
        self._speller = Speller(
            {t for t in self._targets | set(lexicon.singulars) if t in spelled}
            | predicates
            | self._verbs,
            {w for w in predicates if len(w) >= 6},
            self._common,
            self._lexicon_words | lexicon.person_nouns,
        )

    def repair(self, text: NormalizedText) -> NormalizedText:
        """``text`` itself when nothing needs repair (nearly always), else a re-normalised copy
        with the repaired words."""
        tokens = text.tokens
        distinct = set(tokens)
        # Whether a token is unknown, and its repair, depend on the token alone: each is
        # worked out once (see _learn), then a message costs three set operations in C.
        memory = self._memory
        if len(memory.seen) > _MAX_LEARNED:
            # Bounded memory. A new one, not clear(): another thread may be reading this one.
            memory = self._memory = _Learned()
        new = distinct.difference(memory.seen)
        if new:
            self._learn(new, memory)
        unknown = distinct & memory.unknown
        replacements: dict[str, str] = self._speller.joins(tokens)
        if not unknown and not replacements:
            return text
        fixes = memory.fixes
        for token in unknown:
            fix = fixes.get(token)
            if fix is not None:
                replacements[token] = fix
        short = distinct & memory.short  # 'gya people', 'i hte them': rare, a set op in C
        if short:
            replacements.update(self._short.fixes(tokens, short))
        if not self._heads.isdisjoint(unknown):
            for previous, token in itertools.pairwise(tokens):
                if previous in self._heads and previous + token in self._targets:
                    replacements[f"{previous} {token}"] = previous + token
        if "@" in text.plain or "#" in text.plain:  # a handle or a run-together hashtag
            replacements = self._runs.unnamed(replacements, text.plain)
        if not replacements:
            return text
        pattern = re.compile(
            r"\b(?:"
            + "|".join(re.escape(k) for k in sorted(replacements, key=len, reverse=True))
            + r")\b"
        )
        # Rebuild the text clause by clause so the detectors still see sentence and clause
        # ends (and questions); only the repaired words change.
        sentences: list[str] = []
        for sentence in text.sentences:
            bounds = [*sentence.clause_starts, sentence.end]
            clause_texts = [
                pattern.sub(lambda m: replacements[m.group(0)], " ".join(tokens[a:b]))
                for a, b in itertools.pairwise(bounds)
            ]
            end = sentence.plain[-1:] if sentence.plain[-1:] in ("?", "!") else "."
            sentences.append(", ".join(clause_texts) + end)
        return normalize(" ".join(sentences))

    def _learn(self, tokens: set[str], memory: _Learned) -> None:
        """Remember which of ``tokens`` are unknown words and the repair of each that has one
        (a misspelling's correction, or the pieces a run-together token splits into)."""
        for token in tokens:
            if token in self._skip or squeeze(token)[0] in self._skip:
                # Chat vocabulary holds inflected slurs too ('niggaz'): those are repaired,
                # never a dictionary word nor one the lexicon lists.
                variant = None
                if token not in self._lexicon_words and token not in self._english:
                    variant = self._variant(token)
                if variant is not None and variant != token:
                    memory.fixes[token] = variant
                    memory.unknown.add(token)
                memory.seen.add(token)
                continue
            if "*" in token:  # 'k*ke', 'g*ys': only unmasked, never spelled or split
                unmasked = self.starred.unmask(token)
                if unmasked is not None:
                    memory.fixes[token] = unmasked
                memory.unknown.add(token)
                memory.seen.add(token)
                continue
            variant = self._variant(token)
            if variant is not None:
                memory.fixes[token] = variant
                memory.unknown.add(token)
                memory.seen.add(token)
                continue
            corrected = self._speller.correct(token)
            if corrected is not None:
                memory.fixes[token] = corrected
                memory.unknown.add(token)
                memory.seen.add(token)
                continue
            # A long run of words first (its split prefers longer words: 'knows it').
            parts = self._runs.split(token) or self._split(token)
            if parts is None and token.isalpha():
                squeezed = squeeze(token)[0]  # the lexicon's keys are squeezed ('imigrants')
                parts = self._split(squeezed) if squeezed != token else None
                parts = parts or self._runs.split(squeezed)
            if parts is not None:
                memory.fixes[token] = " ".join(parts)
            elif self._short.may_fix(token):
                memory.short.add(token)
            memory.unknown.add(token)
            memory.seen.add(token)  # last: another thread takes a seen token as learned

    def _variant(self, token: str) -> str | None:
        """The slur an unknown token inflects or disguises ('niggaz', 'chinkz', 'spazzes',
        'faggotry', 'fa66ots'), else None: only ever a word the lexicon lists."""
        if not token.isalpha():
            # A word with a digit in it ('fa66ots'), never a number ('600k' is no 'gook').
            if not token[0].isalpha() or not any(c in _DIGIT_LETTERS for c in token):
                return None
            if sum(c.isalpha() for c in token) < 3:
                return None
            token = token.translate(_DIGIT_TABLE)
            if not token.isalpha():
                return None
            if squeeze(token)[0] in self._slurs:
                return token  # 'fa66ots' -> 'faggots', which the tagger reads
        squeezed = squeeze(token)[0]
        for suffix, replacement in _SLUR_ENDINGS:
            if squeezed.endswith(suffix) and len(squeezed) > len(suffix) + 2:
                key = squeezed[: -len(suffix)] + replacement
                if key in self._slurs:
                    return self._slurs[key]
        return None

    def _split_uncached(self, token: str) -> tuple[str, ...] | None:
        if (
            len(token) < 4
            or len(token) > _MAX_SPLIT_LEN
            or token[0] not in self._starts
            or not token.isalpha()
            or token in self._common
            or token in self._lexicon_words
        ):
            return None
        if self._anchors is None or next(self._anchors.iter(token), None) is None:
            return None
        # Cheap tests first: the token must start and end with a piece.
        if not any(token[:k] in self._prefixes for k in range(1, min(9, len(token)))):
            return None
        if not any(token[-k:] in self._pieces for k in range(1, len(token))):
            return None
        parts = self._segment(token)
        if parts is None or len(parts) < 2:
            return None
        # The pieces must read as a statement: someone doing something, or an act on a group.
        has_verb = any(p in self._verbs for p in parts)
        targets = self._split_targets
        has_target = any(p in targets for p in parts)
        starts_with_subject = parts[0] in _SUBJECTS
        if has_verb and (starts_with_subject or has_target):
            return parts
        if has_target and parts[0] in _QUANTIFIERS:
            return parts
        if parts[0] in targets and any(p in _COPULAS for p in parts[1:3]):
            return parts  # 'muslimsare', 'transpeopleare', 'koreansarefilthydogs'
        if parts[0] in _REGIONS and parts[1] in targets and any(p in _COPULAS for p in parts[2:4]):
            return parts  # 'northkoreansaresubhuman': the group named with its region
        if parts[0] in targets and len(parts) == 2 and parts[1] in self._said:
            return parts
        if parts[0] in _COPULAS and len(parts) == 2 and parts[1] in self._said:
            return parts  # 'refugees arecockroaches'
        if (
            has_target
            and (parts[0] in targets or parts[0] in _QUANTIFIERS)
            and len(parts) >= 3
            and any(p in self._said or p in _COPULAS or p in _MODALS for p in parts)
        ):
            return parts  # 'migrantsshoulddrown', 'jewsareadisease'
        if (
            parts[0] in _OPENERS
            and has_target
            and any(p in _COPULAS or p in _MODALS or p in _DUMMIES for p in parts[1:3])
            and any(p in self._said for p in parts)
        ):
            return parts  # 'whyaremuslimssoviolent': a question still says it of the group
        return None

    def _segment(self, token: str) -> tuple[str, ...] | None:
        """The segmentation into known pieces with the fewest pieces (None when there is none)."""
        best: list[tuple[float, tuple[str, ...]] | None] = [None] * (len(token) + 1)
        best[0] = (0.0, ())
        cost = self._cost
        for end in range(1, len(token) + 1):
            for start in range(max(0, end - self._max_piece), end):
                head = best[start]
                piece = token[start:end]
                if head is None or piece not in cost:
                    continue
                candidate = (head[0] + cost[piece], (*head[1], piece))
                current = best[end]
                if current is None or candidate[0] < current[0]:
                    best[end] = candidate
        found = best[len(token)]
        return None if found is None else found[1]


def _automaton(words: Iterable[str]) -> ahocorasick.Automaton | None:
    """An Aho-Corasick automaton that finds any of ``words`` in a string (None for none)."""
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, None)
    if len(automaton) == 0:
        return None
    automaton.make_automaton()
    return automaton
