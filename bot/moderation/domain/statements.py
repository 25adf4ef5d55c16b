"""What a message says about a group: its target, the predicate, polarity, negation, attribution.

Rule 1 reads a clause whose protected group the tagger marked (``qqg``, or ``qqp`` for 'they'
referring back to one) and asks: what is said about the group (the words after it, 'Muslims
are wonderful neighbours', or the verb whose object it is, 'I admire trans people'), is it
praise or contempt (word valences from VADER's shipped lexicon plus rule 1's own dehumanising
and derogatory words), is it negated ('I don't think women are stupid'), and does the speaker
assert it or quote, report, question or denounce it (:func:`attribution`, shared with rule 3).

Known limits, kept deliberately small: negation reaches three words or the clause's end at a
comma or 'but'; a clause opened by 'if' or 'unless' is conditional and never read as negated or
praising; sentence adverbs ('clearly', 'honestly') carry no polarity; a verb before the group
counts only after a subject, modal or 'to' (so 'your contempt for X' is not a verb).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from bot.moderation.domain.phrases import word_set
from bot.moderation.domain.statement_forms import NEGATORS as _NEGATORS
from bot.moderation.domain.statement_forms import (
    essence,
    every_one_is,
    inferior_claim,
    reduce_roles,
)
from bot.moderation.domain.statement_questions import copula_first, is_rhetorical
from bot.moderation.domain.valence import comparative, misspelt_valence, valences

TARGET_TAGS = frozenset(["qqg", "qqp"])
#: Valence at or above which a predicate praises, at or below which it shows contempt.
PRAISE = 1.5
CONTEMPT = -2.0
INFERIOR = -2.5  # a capacity, place or identity denied to a group (statement_forms.inferior)

_COPULAS = word_set(
    """are is was were r be been being seem seems look looks make makes have has had get gets
    become becomes deserve deserves should must will would can could do does did always
    never all just really so such the most truly genuinely mostly often"""
)
# Words that carry no polarity of their own here: sentence adverbs, fillers, hedges.
_NEUTRAL = word_set(
    """clearly obviously honestly really truly seriously definitely certainly surely actually
    basically literally pretty like well please yes ok okay sure kind kinda lol haha lmao
    free matter matters important respect united join joined agree want wants wanted care
    cares help fine good better best great wish hope want"""
)
# ... except that these are praise when said of a group ('are great', 'are the best').
_PRAISE_WHEN_PREDICATE = frozenset(["good", "better", "best", "great", "fine"])
_SUBJECT_BEFORE_VERB = word_set(
    """i we you should must will would to gotta wanna let's lets just all really do don't
    dont never always honestly truly"""
)
# Phrases whose words mislead: a negator that intensifies, 'good' that belittles.
_PHRASES = (
    ("no better than", "like"),
    ("nothing but", "just"),
    ("nothing more than", "just"),
    ("only good for", "worthless for"),
    ("only really good for", "worthless for"),
    ("really only good for", "worthless for"),
    ("only ever good for", "worthless for"),
    ("just good for", "worthless for"),
    ("only good at", "worthless at"),  # 'X are only good at copying': a backhanded verdict
    ("only ever good at", "worthless at"),
    ("the same as", "equal to"),  # 'X should be paid the same as Y': equality
    ("good for nothing", "worthless"),
    ("a bad rap", "a name"),  # 'X get a bad rap': what others think, not the speaker
)
_CONDITIONAL = frozenset(["if", "unless", "until", "when", "whenever"])
_BEFORE_GROUP = word_set(
    "all the those these our other first next every any a an that this some single more"
)
_COMPARISON = re.compile(r"\b(?:no|not|never) (?:any )?(?:worse|less|dumber|lazier) than\b")


@dataclass(frozen=True, slots=True)
class Statement:
    """One clause's claim about a group.

    ``polarity`` sums the predicate's word valences with negated words flipped; ``worst`` is
    the most negative un-negated word's valence (0 when none); ``negated`` says a negator
    reaches a negative word (or the whole claim, 'I don't think ...').
    """

    target: str
    predicate: str
    polarity: float
    worst: float
    negated: bool
    conditional: bool
    described: bool = False  # a passive or experience: what is done to the group
    clause: str = ""  # the clause as read, the group named (evidence for a hit)
    #: A positive word negated and nothing negative left: 'X aren't capable', 'there isn't a
    #: single decent X', 'X don't deserve respect'.
    negated_positive: bool = False

    @property
    def praises(self) -> bool:
        """Clearly positive and nothing negative left standing: 'Jews are lovely people'."""
        return not self.conditional and self.polarity >= PRAISE and self.worst > -1.0

    @property
    def denies_negative(self) -> bool:
        """A negative claim negated: 'I don't think women are stupid'."""
        return not self.conditional and self.negated and self.worst > -1.0

    @property
    def denies_positive(self) -> bool:
        """A good quality denied to the group, nothing negative said outright."""
        return not self.conditional and self.negated_positive and not self.negated

    @property
    def contempt(self) -> bool:
        """A strongly negative claim, asserted: 'Women are too stupid to vote'."""
        return not self.conditional and (self.worst <= CONTEMPT or self.polarity <= -2.5)


def read_clause(
    tagged: str, target: str, extra: dict[str, float] | None = None
) -> Statement | None:
    """The statement a tagged clause ('qqg are wonderful neighbours') makes about its group,
    or None when the clause says nothing about one. ``extra`` adds valences (rule 1's own
    dehumanising and derogatory words, which VADER lacks)."""
    words = tagged.split(" ")
    positions = [i for i, w in enumerate(words) if w in TARGET_TAGS]
    if not positions:
        return None
    at = positions[0]
    before = words[:at]
    conditional = not _CONDITIONAL.isdisjoint(before)
    # The verb whose object the group is: 'I admire qqg', 'we should help qqg'.
    verb = _verb_before(before)
    rhetorical = is_rhetorical(before)
    if verb and rhetorical:
        verb = "!" + verb.lstrip("!")  # 'who would ever trust qqg': no one would
    predicate = [verb] if verb else []
    after = words[at + 1 : at + 11]
    universal = every_one_is(before, after)
    if universal is not None:
        # 'Is there a single qqg who isn't a liar?', 'never met a qqg who wasn't lazy': what
        # the relative clause denies of one, the speaker says of all.
        statement = _score(target, universal, False, conditional, extra or {})
        return replace(statement, clause=" ".join(_named(words, target)))
    found = essence(after)  # 'qqg are born to obey', "qqg aren't wired for command"
    if found is not None:
        statement = _essential(target, predicate, found, conditional, extra or {}, words)
        return replace(statement, predicate=" ".join(after))  # the words, not the reading
    # 'Why are qqg so obsessed with money?': the copula before the group, the rest is said
    # ... unless it is a passive: 'why are qqg treated so badly?' describes what others do.
    said = _said_after_copula(after) if copula_first(before) else _said_of_subject(after)
    roles = reduce_roles(said) if said else []
    # A capacity, place or identity denied ('are too emotional to lead'), unless a passive.
    passive = said is None and not _BE.isdisjoint([w for w in after if w not in _ADVERBS][:1])
    lesser = "" if passive else inferior_claim(before, after)
    shown = " ".join([*predicate, *(said or [])])  # the words a hit quotes, not the reading
    predicate += roles
    # Negation raising: 'I don't think qqg are ...', 'qqg aren't ...'.
    whole_negated = (
        bool(before)
        and not verb
        and (
            not _NEGATORS.isdisjoint(before[-4:]) or rhetorical  # 'who actually thinks qqg are ...'
        )
    )
    # 'There isn't a single decent qqg': a good word inside the negated noun phrase.
    denied_quality = whole_negated and any(
        _valence_of(w, extra or {}) >= 1.0 for w in before[-3:] if w not in _NEUTRAL
    )
    if not predicate and not lesser:  # named, with nothing said of it ('Arabs invented algebra')
        statement = Statement(target, "", 0.0, 0.0, False, conditional, said is None)
        return replace(statement, negated_positive=denied_quality)
    statement = replace(
        _score(target, predicate, whole_negated, conditional, extra or {}), predicate=shown
    )
    if denied_quality:
        statement = replace(statement, negated_positive=True)
    # "I don't think qqg are too emotional to lead", "who says qqg can't lead?"
    if lesser and (whole_negated or rhetorical or before[:1] in (["who"], ["whoever"])):
        statement = replace(statement, negated=True, worst=0.0, polarity=0.0)
    elif lesser:
        statement = replace(statement, worst=min(statement.worst, INFERIOR), predicate=lesser)
    return replace(statement, clause=" ".join(_named(words, target)))


def _essential(
    target: str,
    predicate: list[str],
    found: tuple[list[str], bool],
    conditional: bool,
    extra: dict[str, float],
    words: list[str],
) -> Statement:
    """What an essence clause says: denied, a capacity denied to the group (unless what is
    denied is itself bad: 'are not born to suffer'); asserted, what the group is for."""
    said, denied = found
    statement = _score(target, [*predicate, *said], False, conditional, extra)
    if denied:
        if statement.worst <= -1.0:
            statement = replace(statement, negated=True, worst=0.0, polarity=0.0)
        else:
            statement = replace(statement, negated_positive=True)
    return replace(statement, clause=" ".join(_named(words, target)))


def _named(words: list[str], target: str) -> list[str]:
    return [target if w in TARGET_TAGS else w for w in words]


def _valence_of(word: str, extra: dict[str, float]) -> float:
    return extra.get(word, valences().get(word, 0.0))


def _said_of_subject(after: list[str]) -> list[str] | None:
    """What a clause says of the group as its subject. A passive ('qqg were killed', 'are
    treated like animals', 'face violence') describes what others do to the group, not what
    the speaker thinks of it (None): only its prescriptive form counts ('should be deported')."""
    words = [w for w in after if w not in _ADVERBS]
    if not words:
        return []
    head = words[0]
    if head in _MODALS:
        return after
    if _PRESCRIBING.isdisjoint(words) and (
        not _STATISTICAL.isdisjoint(words) or _passive_inside(words)
    ):
        return None  # 'are more likely to be killed by police', 'at higher risk of ...'

    if head in _BE and len(words) > 1 and (_participle(words[1]) or _undergoing(words[1:3])):
        return None  # 'are (being) persecuted', 'are suffering': what befalls the group
    if head in _BE or head in _LINKING:
        return after
    if head in _EXPERIENCE:
        return None
    if _participle(head):
        return [head]  # 'Arabs invented algebra': what the group did, the verb alone
    return after[:1] if head not in _SUBORDINATE else []


def _said_after_copula(after: list[str]) -> list[str] | None:
    """What 'are qqg ...' says of the group: the rest, or None for a passive that opens it
    ('are qqg (still) treated so badly'; not 'are qqg so spoiled', an adjective)."""
    words = [w for w in after if w not in _FREQUENCY]
    # 'why are qqg even allowed to vote' questions a right: said of the group, not done to it.
    passive = bool(words) and _participle(words[0]) and words[0] not in _PERMITTED
    if passive and _PRESCRIBING.isdisjoint(words):
        return None
    return after


def _passive_inside(words: list[str]) -> bool:
    """'... to be killed', '... being harassed': a passive further into the predicate."""
    return any(
        w in ("be", "being", "been", "get", "getting") and _participle(n)
        for w, n in itertools.pairwise(words)
    )


def _participle(word: str) -> bool:
    return (word.endswith("ed") and len(word) > 4) or word in _IRREGULAR_PARTICIPLES


_ADVERBS = word_set(
    """often always still sometimes usually also just all really so very mostly frequently
    disproportionately regularly routinely increasingly"""
)
_PERMITTED = frozenset(["allowed", "permitted"])
_FREQUENCY = word_set("often always still sometimes usually also constantly regularly routinely")
_MODALS = word_set(
    """should must shouldn't mustn't need needs deserve deserves ought gotta would will can
    could might may"""
)
_PRESCRIBING = frozenset(
    ["should", "must", "need", "needs", "deserve", "deserves", "ought", "gotta"]
)
_BE = frozenset(["are", "is", "was", "were", "r", "be", "been", "being", "get", "got"])
# ... and 'make': 'X make terrible leaders' says what X are ('made' is what X did).
_LINKING = frozenset(
    ["seem", "seems", "look", "looks", "sound", "sounds", "remain", "stay", "act", "smell", "make"]
)
_EXPERIENCE = word_set(
    """face faces faced suffer suffers suffered endure endured experience experiences risk
    risks lack lacks"""
)
# ... and its progressive: 'X are suffering / struggling / starving' says what they go through.
_UNDERGOING = word_set(
    "suffering struggling starving dying hurting grieving drowning fleeing enduring"
)


def _undergoing(words: list[str]) -> bool:
    """'suffering', 'struggling in the camps'; not 'struggling to be normal', 'dying to ...',
    nor 'suffering from' (what follows may be the contempt: 'from a social contagion')."""
    return words[0] in _UNDERGOING and words[1:2] not in (["to"], ["from"])


_STATISTICAL = frozenset(
    ["likely", "risk", "rates", "rate", "percent", "times", "disproportionately"]
)
_SUBORDINATE = frozenset(["who", "that", "which", "i", "we", "you", "in", "of", "and"])
_IRREGULAR_PARTICIPLES = word_set(
    """beaten sent shot hit hurt thrown torn stolen taken given held kept told known seen
    slain sold bought brought left put set spat"""
)


def _verb_before(before: list[str]) -> str:
    """The verb just before the group (skipping 'all', 'the', 'those'), when a subject, modal
    or 'to' precedes it; else ''."""
    words = [w for w in before if w not in _BEFORE_GROUP]
    if not words:
        return ""
    verb = words[-1]
    ahead = words[-2] if len(words) >= 2 else ""
    if verb in valences() and verb not in _NEUTRAL | _NEGATORS and ahead in _SUBJECT_BEFORE_VERB:
        if (len(words) >= 3 and words[-3] in _NEGATORS) or ahead in _NEGATORS:
            return "!" + verb
        return verb
    return ""


def _score(
    target: str,
    predicate: list[str],
    whole_negated: bool,
    conditional: bool,
    extra: dict[str, float],
) -> Statement:
    table = valences()
    polarity = 0.0
    worst = 0.0
    negated = False
    reach = 0
    text = " ".join(predicate)
    for phrase, meaning in _PHRASES:
        if phrase in text:  # 'no better than rats', 'only good for cleaning'
            predicate = " ".join(predicate).replace(phrase, meaning).split(" ")
    if _COMPARISON.search(text):  # 'no worse than men' is a negated comparison
        return Statement(target, text, 1.0, 0.0, True, conditional)
    negated_positive = False
    diminish = 0
    for index, raw in enumerate(predicate):
        if raw in (",", "but", "and", "because") or raw in _CONDITIONAL:
            if raw in _CONDITIONAL:
                break  # 'I'd be fine with them if they weren't ...': the rest is a condition
            reach = 0
            continue
        flipped = raw.startswith("!")
        word = raw.lstrip("!")
        if word in _NEGATORS:
            reach = 3
            continue
        if word in _DIMINISHERS:
            diminish = 2  # 'less capable': the next good word counts against
            continue
        if reach and word in _REACH_BREAKERS:
            reach = 0  # 'X don't want special treatment' denies nothing of X
            continue
        if reach and word in _QUANTITY:
            continue  # 'don't have an ounce of gratitude': the negation reaches past these
        value = (
            extra.get(word, table.get(word, 0.0))
            or comparative(word, table)
            or misspelt_valence(word)
        )
        if word in _NEUTRAL and not (word in _PRAISE_WHEN_PREDICATE and index <= 3):
            value = 0.0
        if diminish:
            diminish -= 1
            if value:
                value, diminish = -value / 2, 0
        in_scope = reach > 0 or flipped or whole_negated
        if reach:
            reach -= 1
        if not value:
            continue
        if in_scope:
            negated = negated or value < 0
            negated_positive = negated_positive or value >= 1.0
            polarity -= value / 2  # 'not stupid' is weaker praise than 'clever'
        else:
            polarity += value
            worst = min(worst, value)
    return Statement(
        target, text, polarity, worst, negated, conditional, negated_positive=negated_positive
    )


_DIMINISHERS = frozenset(["less", "fewer"])
_QUANTITY = word_set(
    """have has had any an a ounce of shred bit drop trace sense concept idea notion clue
    single scrap"""
)


# Verbs after a negator that say what the group wants or gets, not what it is.
_REACH_BREAKERS = word_set("want wants wanted get gets got receive need needs ask asking seek")
