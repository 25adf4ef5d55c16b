"""Rule 1: a quoted or reported line of contempt that the speaker endorses.

'KCNA called them "human scum" and for once I agree', 'my uncle used to say "the only good X
is a dead X", he knew': attribution reads the quote and the agreement
(:func:`attribution.speaker_attribution` returns 'endorse'); this module decides whether what
is endorsed is contempt for a group. Counter-speech quotes the same lines to condemn them, so
only the agreement turns them into the speaker's own, and only a flag follows.
"""

from __future__ import annotations

from bot.moderation.domain.hate_context import QUOTED, Finding
from bot.moderation.domain.hate_reading import quote
from bot.moderation.domain.model import LinearTextModel
from bot.moderation.domain.names import HATE_FILTER_NAME
from bot.moderation.domain.normalize import NormalizedText, tokenize
from bot.moderation.domain.statements import Statement
from bot.moderation.domain.valence import valences
from bot.moderation.domain.verdict import Action, FilterHit

#: The statement model's P(hate) at or above which an endorsed quote with no word of contempt is
#: flagged: detectors_hate's bar for a message naming a group with a negative word.
ENDORSED_MODEL_BAR = 0.8
#: A word this negative (VADER's scale and rule 1's additions) in an endorsed quote is contempt
#: (round 13: 'barbarians', 'merchandise' at -1.5 are rule 1's additions).
ENDORSED_VALENCE = -1.5


def endorsed_contempt(
    text: NormalizedText,
    findings: list[Finding],
    statements: list[Statement],
    contempt_words: dict[str, float],
    model: LinearTextModel | None = None,
) -> list[FilterHit]:
    """A flag for an endorsed quote, or none when what it quotes holds no contempt: a
    statement finding, a clause of contempt about a group, or one of rule 1's own derogatory
    or dehumanising words ('scum', 'monkeys', 'vermin'), or the statement model's reading of the
    whole message at :data:`ENDORSED_MODEL_BAR` or above (it reads the quote with the agreement)."""
    if findings or any(s.contempt or s.denies_positive for s in statements):
        found = findings[0].matched if findings else statements[0].clause
    else:
        # In what the message quotes when it quotes ('... the search is awful' is the speaker's).
        spans = [m.group(1) or m.group(2) for m in QUOTED.finditer(text.plain)]
        words = [w for span in spans for w in tokenize(span)] if spans else text.tokens
        # ... or a word of clear contempt ('"island barbarians" and for once they're right').
        table = valences()
        found = next(
            (t for t in words if t in contempt_words or table.get(t, 0.0) <= ENDORSED_VALENCE), ""
        )
    if not found and model is not None and model.trained:
        probability = model.probability_of(text)
        found = f"model {probability:.2f}" if probability >= ENDORSED_MODEL_BAR else ""
    if not found:
        return []
    reason = (
        f"endorses a quoted or reported line of contempt for a protected group ('{found[:60]}')"
    )
    return [FilterHit(HATE_FILTER_NAME, 1, Action.FLAG, quote(text), reason, False)]
