"""Rule 3's model on the sentences of a long message, where one denying sentence hides.

A long post that tells a trip, a history or an argument and denies the crisis in one sentence
('... Markets full, kids playing. The famine stories are a fabrication.') reads as mostly
ordinary to a bag-of-words model over the whole post: the other sentences' words pull the
score down, and the model reads only the first STATEMENT_WORDS words. Here each sentence of a
long message is scored alone (the topic is still the whole message: a sentence that names no
crisis word is on topic when the post is), and the worst one is flagged when it clears a bar of
its own, higher than the whole-message threshold (a single sentence carries less context), and
nothing in the sentence or the post marks it as discussion. Flag only, never a removal.

Cost: only messages of at least LONG_WORDS words and two sentences get here, and the score
bound (denial_bound) skips every sentence that cannot reach the bar.
"""

from __future__ import annotations

from dataclasses import replace

from bot.moderation.domain.denial_acknowledge import acknowledges
from bot.moderation.domain.denial_bound import ScoreBound
from bot.moderation.domain.denial_content import says_something
from bot.moderation.domain.denial_model import MIN_WORDS, model_hit, read, strong_signal
from bot.moderation.domain.denial_rules import CONTRADICTS_PREVIOUS
from bot.moderation.domain.model import LinearTextModel
from bot.moderation.domain.normalize import NormalizedText, Sentence
from bot.moderation.domain.phrases import sentences
from bot.moderation.domain.verdict import FilterHit

#: A message needs this many words (and two sentences) to be read sentence by sentence.
LONG_WORDS = 30
#: P(denial) of one sentence at or above which it is flagged, and the least P(denial) of the
#: whole message: a post whose whole reads as firmly not denial (a rebuttal quoting the
#: denier's line, a survivor's story) is discussion though one sentence reads as denial.
#: Chosen by leave-one-writer-out (bench/RESULTS.md, moderation-eval).
THRESHOLD_SENTENCE = 0.8
WHOLE_FLOOR = 0.2


def sentence_hit(
    name: str, own: NormalizedText, model: LinearTextModel, bound: ScoreBound
) -> FilterHit | None:
    """A flag for the first sentence of a long message the model reads as denial at
    THRESHOLD_SENTENCE, unless the next sentence contradicts it ('Some say the famine is
    made up. It is not.') or the post rebuts, reports or asks (denial_model.strong_signal)."""
    parts = own.sentences
    if len(own.tokens) < LONG_WORDS or len(parts) < 2:
        return None
    whole: float | None = None
    for index, sentence in enumerate(parts):
        if sentence.end - sentence.start < MIN_WORDS:
            continue
        part = _alone(own, sentence)
        if bound.below(part, THRESHOLD_SENTENCE):
            continue
        reading = read(model, part, own)
        if reading.probability < THRESHOLD_SENTENCE:
            continue
        if index + 1 < len(parts) and CONTRADICTS_PREVIOUS.match(sentences(own)[index + 1][1]):
            continue
        if not (reading.on_topic or reading.near_topic) and not says_something(part, own):
            continue  # naming none of the crisis, it must say something rule 3 forbids
        if whole is None:  # once, and only for a message with a sentence over the bar
            below = bound.below(own, WHOLE_FLOOR)
            whole = 0.0 if below else model.probability_of(own)
        if whole < WHOLE_FLOOR:
            return None
        hit = model_hit(name, part, model, reading)
        # The post's other sentences may grant the crisis ('... but that doesn't excuse it').
        if hit is not None and not strong_signal(own) and not acknowledges(own):
            return replace(hit, reason=hit.reason.replace("reads as", "a sentence reads as", 1))
    return None


def _alone(text: NormalizedText, sentence: Sentence) -> NormalizedText:
    """One sentence of ``text`` as a text of its own (its tokens, its words as written)."""
    start, end = sentence.start, sentence.end
    return replace(
        text,
        original=sentence.plain,
        plain=sentence.plain,
        tokens=text.tokens[start:end],
        squeezed_tokens=text.squeezed_tokens[start:end],
        sentences=(
            Sentence(
                sentence.plain, 0, end - start, tuple(c - start for c in sentence.clause_starts)
            ),
        ),
    )
