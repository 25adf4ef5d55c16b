"""Rule 3's trained net: a logistic regression over the message's words, beside the patterns.

The patterns in detectors_denial read statements ('the famine never happened') and name the
phrase that broke the rule. The model reads every message first: when it is sure a message is
discussion, the patterns are not run (their hits would be overruled); phrasings nobody wrote a
pattern for ('a few people went hungry in the 90s, big whoop') are caught by the model alone. It was trained by bench/train_rule3.py on
statements written for digestbot (denial against reporting, source questions, rebuttals and
everyday chat), so a hit is flagged for a moderator, never removed on the model's word alone.
The same exemptions as the patterns apply: a message that rebuts denial, reports what the
regime or someone else claims, or asks about a source is discussion, not denial.
"""

from __future__ import annotations

from dataclasses import dataclass

import Stemmer

from bot.moderation.domain.denial_cues import RETRACTED, quoted_claim, quotes_someone
from bot.moderation.domain.denial_patterns import REBUTTAL, REGIME_SOURCE, SOURCE_QUESTION
from bot.moderation.domain.denial_patterns_extra import MORE_REBUTTAL
from bot.moderation.domain.model import FEATURIZERS, RULE3_MODEL_FILE, LinearTextModel, load_model
from bot.moderation.domain.normalize import NormalizedText
from bot.moderation.domain.verdict import Action, FilterHit

# P(denial) at or above which a message no pattern caught is flagged, and below which a pattern's
# hit is dropped (the model has read many more rebuttals and reports of denial than the
# patterns' exemptions cover). Chosen with bench/eval_rule3.py's leave-one-writer-out runs.
THRESHOLD = 0.6
VETO_BELOW = 0.25
# A message that names no part of the crisis needs this much more certainty: deniers say
# 'DPRK', 'lol' and 'deserved' a lot, and so does everyone talking about football. Held-out
# community chat flagged: 10.0% without this gate, 2.0% with it, for 3.6 points of recall.
THRESHOLD_OFF_TOPIC = 0.95
_stemmer = Stemmer.Stemmer("english")
# Words of the crisis itself (not of dismissal, which the model weighs; not words as common as
# "rights" or "crisis"), compared as the model's stem features.
_CRISIS_WORDS = """
    starve starving starved starvation hunger hungry famine famines malnutrition
    malnourished undernourished rations grass bark stunted stunting diet dieting fasting
    skinny portions porridge camp camps gulag gulags prison prisons prisoner prisoners
    detention detained detain jail jails jailed kwanliso kyohwaso yodok torture tortured
    torturing execution executions executed executing defector defectors defected escapee
    escapees fled flee fleeing refugee refugees repatriation repatriated repatriate
    returnees deport deported deportation crossers trafficked trafficking brides labor
    labour slave slavery abuse abuses abused rape raped beaten punish punished punishment
    crime crimes atrocities atrocity genocide testimony testimonies survivor
    survivors witness witnesses memoir memoirs coi hrw amnesty hrnk arduous traitor traitors
    runaway runaways purge purged reeducation disappeared interrogation interrogated guards
    correctional suffering suffer suffered victim victims humanitarian misery
    songbun kotjebi bowibu locked harsh
"""
CRISIS_FEATURES = frozenset("~" + stem for stem in _stemmer.stemWords(_CRISIS_WORDS.split()))
# Messages shorter than this many words carry too little for a bag-of-words model.
MIN_WORDS = 3


@dataclass(frozen=True, slots=True)
class ModelReading:
    """What the model makes of a message: P(denial), and whether it names the crisis."""

    probability: float
    on_topic: bool


def read(model: LinearTextModel, text: NormalizedText) -> ModelReading:
    """Score a message once; the detector uses the reading both to veto and to flag."""
    features = FEATURIZERS[model.features](text)
    return ModelReading(
        model.probability_of_features(features), not CRISIS_FEATURES.isdisjoint(features)
    )


def model_hit(
    name: str,
    text: NormalizedText,
    model: LinearTextModel | None = None,
    reading: ModelReading | None = None,
) -> FilterHit | None:
    """A flag when the model reads the message as denial and nothing marks it as discussion."""
    if len(text.tokens) < MIN_WORDS:
        return None
    model = model or load_model(RULE3_MODEL_FILE)
    reading = reading or read(model, text)
    probability = reading.probability
    if probability < THRESHOLD:
        return None
    if probability < THRESHOLD_OFF_TOPIC and not reading.on_topic:
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
    cues = model.contributions(text)
    matched = ", ".join(cues) or words[:80]
    return FilterHit(
        name,
        3,
        Action.FLAG,
        matched,
        f"reads as denying or belittling the humanitarian crisis (model {probability:.2f})",
        False,
    )
