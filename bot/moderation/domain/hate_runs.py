"""Whole phrases run together: 'japanesepeoplearemonkeys', 'shutupyoudumbchink'.

:class:`WordRepair` splits a run-together token only when its pieces read as one of a few
statement shapes about a group ('muslimsare...', 'ihate...'). A member who deletes every space
of a message leaves runs of any shape, and the shapes miss most of them (bench_disguise.py:
0.19 of hateful lines still caught with every space removed). :class:`RunSplitter` splits such
a run into the chat and dictionary words it is made of whenever one of them is a rule-1 group
word or slur of four or more letters and the run is long (nine letters or more); the detectors
then read the words as if they had been spaced. The split must use known words only (no stray
letter but 'a' and 'i'), so a link code, a name or a word of chat is never split, and a run
that holds no group word stays as it is.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

import ahocorasick

from bot.moderation.domain.normalize import squeeze

#: Runs shorter than this are words or the shapes WordRepair already reads ('dumbchink' is 9).
MIN_RUN = 9
#: Longer runs are left alone: the segmentation's cost grows with the run.
MAX_RUN = 400
#: A group word or slur shorter than this is too ambiguous inside a run ('jew' of 'jewel').
MIN_TARGET = 4

#: WordRepair's cost of a rule-1 word's piece (1.0 for any other word).
RULE1_COST = 0.8
#: Each piece's cost falls with the square of its length, so of two splits with as many pieces
#: the one with the longer words wins ('the russians in', not 'the russian sin').
LENGTH_BONUS = 0.01
#: Clitics a run keeps with its apostrophe ('shouldn'tbeallowed', 'they'releaving'): pieces of
#: their own in the split, joined to the word before them afterwards ('should' + "n't").
CLITICS = {"n't": 0.3, "'s": 0.3, "'re": 0.3, "'ll": 0.3, "'ve": 0.3, "'d": 0.3, "'m": 0.3}
WHOLE_CONTRACTIONS = {"can't": 0.5, "won't": 0.5}  # no 'ca' or 'wo' to attach "n't" to
#: Combining forms that make one word of a group word, not a phrase ('lesbophobic').
COMBINING = frozenset(["phobic", "phobia", "phobe", "phobes", "phobics", "philia", "phile"])
#: Two-letter words a run may hold besides WordRepair's short pieces (the dictionary's other
#: two-letter entries, 'fa', 'ar', 'ea', would split 'ifa' as 'i fa').
SHORT_WORDS = frozenset(["if", "as", "by", "ok", "oh", "hi", "ya", "ur"])
# 'i' costs a little more than other words inside a run: 'inanambulance' is 'in an ...', not
# 'i nan ...' (set in RunSplitter.__init__).


class RunSplitter:
    """Splits a long run of letters holding a rule-1 group word or slur into its words."""

    def __init__(
        self,
        targets: Iterable[str],
        costs: Mapping[str, float],
        dictionary: Collection[str],
        short: Collection[str],
    ) -> None:
        """``costs`` are WordRepair's piece costs (chat and dictionary words). A piece of a run
        must be a word of ``short`` when it has one or two letters and of ``dictionary`` when
        it has three or four: chat vocabulary holds fragments such as 'nany' and 'tomy' that
        would read 'inany' as 'i nany'."""
        self._targets = frozenset(t for t in targets if t.isalpha() and len(t) >= MIN_TARGET)
        automaton = ahocorasick.Automaton()
        for target in self._targets:
            automaton.add_word(target, None)
            automaton.add_word(squeeze(target)[0], None)  # runs are squeezed too
        automaton.make_automaton()
        self._automaton = automaton
        short = frozenset(short) | SHORT_WORDS

        def allowed(piece: str, cost: float) -> bool:
            if cost < 1.0 and cost != RULE1_COST:
                return True  # copulas, modals, 'a', 'the', 'all'
            if len(piece) <= 2:
                return piece in short
            return len(piece) >= 5 or piece in dictionary

        # WordRepair's costs prefer every rule-1 word; here only the group words and slurs
        # ('the russian sin' is no reading of 'therussiansin').
        self._costs = {
            p: (RULE1_COST if p in self._targets else min(c, 1.0) if c != RULE1_COST else 1.0)
            - LENGTH_BONUS * len(p) ** 2
            for p, c in costs.items()
            if p in self._targets or allowed(p, c)
        }
        extra = {**CLITICS, **WHOLE_CONTRACTIONS, **dict.fromkeys(SHORT_WORDS, 1.0), "i": 1.2}
        for piece, cost in extra.items():
            self._costs[piece] = cost - LENGTH_BONUS * len(piece) ** 2
        for target in self._targets - self._costs.keys():
            self._costs[target] = RULE1_COST - LENGTH_BONUS * len(target) ** 2
        self._longest = min(20, max(map(len, self._costs), default=1))
        self.made: set[str] = set()  # the runs split so far (a hashtag of them stays whole)

    def split(self, token: str) -> tuple[str, ...] | None:
        """The words of a long run ``token``, or None when it is no run of known words that
        holds a group word or slur."""
        if not MIN_RUN <= len(token) <= MAX_RUN or not token.replace("'", "").isalpha():
            return None
        if next(self._automaton.iter(token), None) is None:
            return None  # nearly every unknown token: no group word inside, one scan in C
        parts = self._segment(token)
        if parts is None or len(parts) < 2 or parts[0] in CLITICS:
            return None
        words: list[str] = []
        for part in parts:
            if part in CLITICS:
                words[-1] += part
            else:
                words.append(part)
        parts = tuple(words)
        if any((len(p) == 1 and p not in "ai") or p in COMBINING for p in parts):
            return None
        targets = self._targets
        if not any(p in targets or squeeze(p)[0] in targets for p in parts):
            return None  # the group word was only part of another word ('scunthorpe')
        if len(self.made) < 131_072:
            self.made.add(token)
        return parts

    def _segment(self, token: str) -> tuple[str, ...] | None:
        """The cheapest split of ``token`` into known pieces (None when there is none)."""
        best: list[tuple[float, tuple[str, ...]] | None] = [None] * (len(token) + 1)
        best[0] = (0.0, ())
        costs = self._costs
        for end in range(1, len(token) + 1):
            for start in range(max(0, end - self._longest), end):
                head = best[start]
                piece = token[start:end]
                cost = costs.get(piece)
                if head is None or cost is None:
                    continue
                current = best[end]
                if current is None or head[0] + cost < current[0]:
                    best[end] = (head[0] + cost, (*head[1], piece))
        found = best[len(token)]
        return None if found is None else found[1]

    def unnamed(self, replacements: dict[str, str], plain: str) -> dict[str, str]:
        """``replacements`` without those of a handle ('@megalexatron') or of a hashtag this
        splitter split ('#stopasianhate'): names, not words run together."""
        return {
            k: v
            for k, v in replacements.items()
            if f"@{k}" not in plain and (k not in self.made or f"#{k}" not in plain)
        }
