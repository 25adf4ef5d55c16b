"""Rule 3 on scare quotes: the crisis's own words put in quotation marks to doubt them.

'the "stunting" thing is so dumb', 'yeah the 'hungry' farmers all smiling', 'NK 'torture'
doesn't deserve a thread': quoting one word of the crisis (famine, hungry, torture, witnesses,
camp) is how a member says it is not really so. Across the rule-3 training and development
files, 335 denials and 15 other messages quote a crisis word this way; the other messages
discuss the word itself ('is "famine" the right word', '"humanitarian crisis" is a political
term'), quote a phrase ('"famine denial" is getting worse') or say the crisis is grave.

So a quoted crisis word or pair ('"humanitarian crisis"', "'millions dead'") is flagged when
the message neither discusses the term, rebuts or reports denial, nor affirms the crisis.
Always a flag, never a removal: quotation marks also quote.
"""

from __future__ import annotations

import re

from bot.moderation.domain.denial_model import strong_signal
from bot.moderation.domain.denial_stance import affirms_crisis
from bot.moderation.domain.normalize import NormalizedText
from bot.moderation.domain.verdict import Action, FilterHit

# One or two words between quotation marks (straight or curly, single or double), with a
# space or bracket before and punctuation, a space or the end after.
QUOTED = re.compile(
    r"""(?:^|[\s(])["“‘']([A-Za-z][A-Za-z\-]*(?: [A-Za-z][A-Za-z\-]*)?)["”’'](?=[\s.,!?;:)™]|$)"""
)
# The crisis's words, and the words that may stand with one in a quoted pair.
CRISIS = frozenset(
    [
        "malnourished",
        "malnutrition",
        "hungry",
        "hunger",
        "starving",
        "starvation",
        "starved",
        "famine",
        "torture",
        "tortured",
        "crisis",
        "victims",
        "victim",
        "survivors",
        "survivor",
        "witnesses",
        "witness",
        "defectors",
        "defector",
        "refugees",
        "refugee",
        "escapees",
        "camp",
        "camps",
        "prisoners",
        "executed",
        "execution",
        "executions",
        "stunting",
        "stunted",
        "gulag",
        "gulags",
        "atrocities",
        "abuses",
        "repression",
        "suffering",
    ]
)
COMPANIONS = frozenset(
    [
        "humanitarian",
        "food",
        "mass",
        "millions",
        "million",
        "dead",
        "deaths",
        "political",
        "prison",
        "labor",
        "labour",
        "death",
        "concentration",
        "camp",
        "camps",
        "hunger",
    ]
)
# Talk about the word itself: 'is "famine" the right word', 'a political term', 'technically'.
TERMINOLOGY = re.compile(
    r"\b(?:word|words|term|terms|terminology|definition|defined|define|technically|label|labels"
    r"|ipc|legal|legally|(?:does not|doesn't|doesnt|don't|dont|not) just mean)\b"
)
# Quoting a headline or a report to judge it ('the headline says "mass starvation" but ...',
# "Hyon Song-wol 'executed' and then showed up on TV"): the quote belongs to the report.
REPORTED = re.compile(
    r"\b(?:headline|article|story|report|tabloid|title|caption|post)s? (?:says?|said|claims?"
    r"|claimed|reads?|calls? it|called it|about|on)(?: the| a| an)?$"
)


def scare_quote_hit(name: str, text: NormalizedText) -> FilterHit | None:
    """A flag when the message puts a crisis word in scare quotes (see the module)."""
    plain = text.original
    if '"' not in plain and "“" not in plain and "‘" not in plain and "'" not in plain:
        return None  # no quotation mark (tested in C, no generator frame)
    for match in QUOTED.finditer(plain):
        words = match.group(1).lower().split()
        if not (any(w in CRISIS for w in words) and all(w in CRISIS | COMPANIONS for w in words)):
            continue
        lowered = plain.lower()
        if (
            TERMINOLOGY.search(lowered)
            or REPORTED.search(plain[: match.start(1)].lower().rstrip(" \"“‘'"))
            or strong_signal(text)
            or affirms_crisis(text)
        ):
            return None
        quoted = match.group(0).strip()
        return FilterHit(
            name,
            3,
            Action.FLAG,
            quoted,
            f"puts the crisis in scare quotes ({quoted})",
            False,
            "scare-quote",
        )
    return None
