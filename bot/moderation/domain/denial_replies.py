"""Rule 3 on replies that wave away what they answer without naming it.

'lol no. that never happened', 'none of it is real, we've been over this', '> they were eating
tree bark in hamgyong / they weren't.': the denial is in the answer and the subject in what it
answers (a quoted '> line' in the message, or the Discord message it replies to). The statement
patterns and the model need the crisis named in the member's own words, so they miss these.

The records are rule3_denial.yaml's ``reply`` family (a sweeping dismissal, flagged even when
what it answers is unknown) and ``reply_context`` family ('theyre fine', 'they weren't',
'overblown af': flagged only when the answered text is about the crisis). Nothing fires when
the answered text is the regime's own claim ('never happened lol' under a KCNA harvest report
mocks the regime) or is known and about something else. Every hit flags: a moderator reads
the thread.
"""

from __future__ import annotations

from bot.moderation.domain.denial_model import CRISIS_FEATURES, crisis_stems
from bot.moderation.domain.denial_patterns import GATE, NK_RE, REBUTTAL, REGIME_SOURCE, names_crisis
from bot.moderation.domain.denial_rules import MORE_REBUTTAL, family
from bot.moderation.domain.normalize import NormalizedText
from bot.moderation.domain.phrases import evidence, sentences
from bot.moderation.domain.verdict import Action, FilterHit

#: Longer messages say what they are about; these records read short answers only.
MAX_WORDS = 25
STANDALONE = family("reply")
IN_CONTEXT = family("reply_context")
# A reply record needs one of these words (a set test before any regex).
TRIGGERS = frozenset(
    [
        "happened",
        "happen",
        "exist",
        "existed",
        "exists",
        "real",
        "invented",
        "fabricated",
        "fake",
        "lies",
        "fiction",
        "hoax",
        "psyop",
        "staged",
        "going",
        "happening",
        "fine",
        "great",
        "ok",
        "okay",
        "fed",
        "starving",
        "not",
        "weren't",
        "werent",
        "aren't",
        "arent",
        "overblown",
        "exaggerated",
        "made",
        "nonsense",
        "bs",
        "bullshit",
        "cap",
        "bro",
    ]
)


def about_crisis(text: NormalizedText) -> bool:
    """Whether a text is about the crisis or North Korea (what a reply may be answering): its
    phrases, its words as the rule-3 model stems them ('tree bark'), or deaths ('3 million
    dead')."""
    words = " ".join(text.tokens)
    if names_crisis(words) or NK_RE.search(words) is not None:
        return True
    if not (GATE.isdisjoint(text.tokens) and _DEATHS.isdisjoint(text.tokens)):
        return True
    return not CRISIS_FEATURES.isdisjoint(crisis_stems(text.tokens))


_DEATHS = frozenset(["dead", "died", "death", "deaths", "dying", "killed", "starved"])


def answers_elsewhere(answered: NormalizedText | None) -> bool:
    """Whether a reply answers something known that is not an account of the crisis: the
    regime's own claim, or another subject."""
    if answered is None:
        return False
    return REGIME_SOURCE.search(" ".join(answered.tokens)) is not None or not about_crisis(answered)


def reply_hit(name: str, own: NormalizedText, answered: NormalizedText | None) -> FilterHit | None:
    """A flag when the member's own short answer ``own`` waves away ``answered`` (None when
    what it answers is unknown)."""
    if len(own.tokens) > MAX_WORDS or TRIGGERS.isdisjoint(own.tokens):
        return None
    own_words = " ".join(own.tokens)
    if names_crisis(own_words) or NK_RE.search(own_words) is not None:
        return None  # it names its subject: the statement patterns and the model read it
    records = STANDALONE
    if answered is not None:
        if answers_elsewhere(answered):
            return None  # answering the regime's claim, or something else
        records = STANDALONE + IN_CONTEXT
    for _, words in sentences(own):
        if REBUTTAL.search(words) or MORE_REBUTTAL.search(words):
            return None
        for record in records:
            match = record.regex.search(words)
            if match is None:
                continue
            start, end = match.span("p")
            quoted = evidence(words, start, end)
            return FilterHit(
                name, 3, Action.FLAG, quoted, f"{record.reason} ('{quoted}')", False, record.id
            )
    return None
