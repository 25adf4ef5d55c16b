"""An upper bound on rule 3's model score from a message's tokens alone, so that most messages
need not be read by the model (see :class:`ScoreBound`)."""

from __future__ import annotations

import itertools
import math

from bot.moderation.domain.denial_marks import mark_rules, scoped_words
from bot.moderation.domain.model import STATEMENT_WORDS, LinearTextModel
from bot.moderation.domain.normalize import NormalizedText
from bot.moderation.domain.stems import stem_words


class ScoreBound:
    """An upper bound on the model's log-odds from a message's tokens alone. The model reads
    each distinct word and each distinct stem once, so their weights, negative ones too, are
    summed exactly; only word pairs (positive weights, repeats counted again) and the quote
    and question flags are bounded. It costs a fraction of building the features, and most
    messages stay below the flag threshold: then the model need not be read. (Bounding words
    and stems too let 12,090 of the moderation bench's 20,000 messages through to the model;
    this lets about 200.)"""

    def __init__(self, model: LinearTextModel) -> None:
        weights = model.weights
        # The features this bound assumes: statement features, and maybe stance features
        # ('_s:...'), which are bounded by their positive weights and read only when that
        # bound is not enough.
        self.usable = model.features in (
            "statement",
            "statement+stance",
            "statement+stance+reading",
            "statement+stance+scope",
        )
        # Scope marks ('!word', '^word': denial_marks) change a message's words, pairs and
        # stems when it holds a negator or a reporting cue; those are read marked, exactly.
        self._cues = mark_rules().cues if model.features == "statement+stance+scope" else None
        self._stance = model.features != "statement"
        # The sentence readings ('_r:...', denial_reading_features) are bounded by their
        # positive weights with the stance records, and read only when that is not enough.
        self._reading = model.features == "statement+stance+reading"
        self._reading_max = 0.0
        if self._reading:
            from bot.moderation.domain.denial_reading_features import NAMES

            self._reading_max = sum(max(0.0, weights.get(f, 0.0)) for f in sorted(NAMES))
        self._stance_max = self._reading_max
        # The stance records with a positive weight, in file order, with what a message must
        # hold for each to match (see denial_features.candidates): the others add nothing
        # to the bound's near-threshold step.
        self._positive: list[tuple[frozenset[str], tuple[str, ...], float]] = []
        if self._stance:
            from bot.moderation.domain.denial_features import stance_feature_names, stance_records

            self._stance_max += sum(max(0.0, weights.get(f, 0.0)) for f in stance_feature_names())
            for record in stance_records():
                weight = weights.get(record.feature, 0.0)
                if weight > 0.0:
                    self._positive.append((record.triggers, record.keywords, weight))
        # The positive records by their trigger words, and those without triggers: the
        # records a message may match are found by one set intersection (see _possible).
        self._untriggered = frozenset(i for i, (t, _, _) in enumerate(self._positive) if not t)
        self._by_trigger: dict[str, list[int]] = {}
        for i, (triggers, _, _) in enumerate(self._positive):
            for word in triggers:
                self._by_trigger.setdefault(word, []).append(i)
        self._triggers = frozenset(self._by_trigger)
        self._base = (
            model.intercept
            + max(0.0, weights.get("_quote", 0.0))
            + max(0.0, weights.get("_question", 0.0))
        )
        # Positive pair weights keyed by the word pair, so one C-level map reads them all.
        self._pairs: dict[tuple[str, str], float] = {}
        for feature, weight in weights.items():
            if weight > 0 and " " in feature:
                first, second = feature.split(" ", 1)
                self._pairs[first, second] = weight
        self._weights = weights
        # Each word's stem feature ('~starv'), kept: chat vocabulary is small.
        self._stems: dict[str, str] = {}

    def below(self, text: NormalizedText, probability: float) -> bool:
        """Whether the model's P(denial) for ``text`` is surely below ``probability``."""
        if not self.usable:
            return False
        # The same words the features read (statement_features drops numbers). Sums run in C
        # (map over dict.get) and add in the same order as a loop would: the bound is the
        # same float, so no message near the threshold changes side.
        get = self._weights.get
        cues = self._cues
        if cues is not None and not cues.isdisjoint(text.tokens[:STATEMENT_WORDS]):
            tokens, stem_list, extra = scoped_words(text, STATEMENT_WORDS)
            bound = self._base + sum(map(get, set(tokens), _ZEROS))
            bound += sum(map(get, extra, _ZEROS))
            bound += sum(map(get, set(map("~".__add__, stem_list)), _ZEROS))
            return self._rest(text, tokens, bound, probability)
        tokens = list(itertools.filterfalse(str.isdigit, text.tokens[:STATEMENT_WORDS]))
        distinct = set(tokens)
        bound = self._base + sum(map(get, distinct, _ZEROS))
        stems = self._stems
        if len(stems) > 131_072:
            # Bounded memory. A new dict, not clear(): another thread may be reading this one.
            stems = self._stems = {}
        missing = list(distinct.difference(stems))
        if missing:
            for token, stem in zip(missing, stem_words(missing), strict=True):
                stems[token] = "~" + stem
        bound += sum(map(get, set(map(stems.__getitem__, distinct)), _ZEROS))
        return self._rest(text, tokens, bound, probability)

    def _rest(
        self, text: NormalizedText, tokens: list[str], bound: float, probability: float
    ) -> bool:
        """``below`` once words and stems are summed: word pairs, then the stance records."""
        get = self._weights.get
        bound = sum(map(self._pairs.get, itertools.pairwise(tokens), _ZEROS), bound)
        limit = math.log(probability / (1.0 - probability))
        if not self._stance or bound + self._stance_max < limit:
            return bound < limit
        # Near the threshold: first the stance records the message could match (their
        # trigger words), bounded by their positive weights; then their exact weights.
        if bound + self._possible(text) + self._reading_max < limit:
            return True
        from bot.moderation.domain.denial_features import stance_features

        bound = sum(map(get, stance_features(text), _ZEROS), bound)
        if self._reading and bound + self._reading_max >= limit:
            from bot.moderation.domain.denial_reading_features import reading_features

            bound = sum(map(get, reading_features(text), _ZEROS), bound)
        return bound < limit

    def _possible(self, text: NormalizedText) -> float:
        """The sum of the positive weights of the stance records that ``text`` may match:
        ``sum(max(0.0, weight) for record in candidates(text))`` to the last bit (the
        records left out add 0.0), without a call per record: the records whose triggers
        the tokens touch, and those without triggers, are added in file order."""
        touched = self._triggers.intersection(text.tokens)
        if not touched and not self._untriggered:
            return 0.0
        chosen = set(self._untriggered)
        for word in touched:
            chosen.update(self._by_trigger[word])
        original = ""
        possible = 0.0
        for index in sorted(chosen):
            _, keywords, weight = self._positive[index]
            if keywords:
                original = original or text.original.lower()
                for keyword in keywords:  # any(...) without a generator frame
                    if keyword in original:
                        break
                else:
                    continue
            possible += weight
        return possible


_ZEROS = itertools.repeat(0.0)
