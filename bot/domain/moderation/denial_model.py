"""Rule 3's trained net: a logistic regression over the message's words, after the patterns.

The patterns in detectors_denial read statements ('the famine never happened') and name the
phrase that broke the rule; phrasings nobody wrote a pattern for ('a few people went hungry in
the 90s, big whoop') reach this model instead. It was trained by bench/train_rule3.py on
statements written for digestbot (denial against reporting, source questions, rebuttals and
everyday chat), so a hit is flagged for a moderator, never removed on the model's word alone.
The same exemptions as the patterns apply: a message that rebuts denial, reports what the
regime or someone else claims, or asks about a source is discussion, not denial.
"""

from __future__ import annotations

from bot.domain.moderation.denial_cues import RETRACTED, quoted_claim, quotes_someone
from bot.domain.moderation.denial_patterns import REBUTTAL, REGIME_SOURCE, SOURCE_QUESTION
from bot.domain.moderation.denial_patterns_extra import MORE_REBUTTAL
from bot.domain.moderation.model import RULE3_MODEL_FILE, LinearTextModel, load_model
from bot.domain.moderation.normalize import NormalizedText
from bot.domain.moderation.verdict import Action, FilterHit

# P(denial) at or above which a message is flagged; chosen by bench/train_rule3.py's
# leave-one-author-out runs (see bench/RESULTS.md, "Rule 3 model").
THRESHOLD = 0.8
# Messages shorter than this many words carry too little for a bag-of-words model.
MIN_WORDS = 3


def model_hit(
    name: str, text: NormalizedText, model: LinearTextModel | None = None
) -> FilterHit | None:
    """A flag when the model reads the message as denial and nothing marks it as discussion."""
    if len(text.tokens) < MIN_WORDS:
        return None
    model = model or load_model(RULE3_MODEL_FILE)
    probability = model.probability(text.tokens)
    if probability < THRESHOLD:
        return None
    words = " ".join(text.tokens)
    if (
        REBUTTAL.search(words)
        or MORE_REBUTTAL.search(words)
        or REGIME_SOURCE.search(words)
        or RETRACTED.search(words)
        or quotes_someone(words, words)
        or quoted_claim(text.plain)
        or (text.plain.rstrip().endswith("?") and SOURCE_QUESTION.search(words))
    ):
        return None
    cues = model.contributions(text.tokens)
    matched = ", ".join(cues) or words[:80]
    return FilterHit(
        name,
        3,
        Action.FLAG,
        matched,
        f"reads as denying or belittling the humanitarian crisis (model {probability:.2f})",
        False,
    )
