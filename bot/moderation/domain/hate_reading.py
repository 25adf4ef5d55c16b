"""Small readings rule 1's detector shares: evidence phrases and word lists (kept apart so
detectors_hate stays one responsibility)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from bot.moderation.domain.hate_context import CONTRACTIONS, DISCLAIMER
from bot.moderation.domain.hate_lexicon import Lexicon, TaggedClause
from bot.moderation.domain.normalize import NormalizedText, normalize, squeeze
from bot.moderation.domain.statement_forms import carries_negativity, reduced_valences
from bot.moderation.domain.statements import Statement
from bot.moderation.domain.verdict import Action, FilterHit

_PROFANITY = frozenset(["shit", "shitty", "crap", "crappy"])
# An equals sign between words ('gays = pedos', 'being gay = a disease'), not '==', '=>', '<='.
_EQUALS = re.compile(r"\s*(?<![=<>!])=(?![=>])\s*")


# A harm done to a group, then the speaker's condemnation of it: 'China's forced repatriation
# of qqg is a crime', 'forcibly repatriating qqg is a crime' judge the act, not the group.
_DONE_TO = re.compile(
    r"(?:\b(?:(?!(?:im|e)?migration\b|population\b|proportion\b|generation\b|portion\b)\w+"
    r"(?:tion|sion|ment)|abuses?|treatment|killings?|murders?|torture|rape|trafficking|plight|"
    r"suffering) of (?:the )?(qqg)|\b(?!being\b)\w+ing (?:the )?(qqg))"
    r"(?= (?:is|was|are|were) (?:(?:a|an|just|so|absolutely|truly|"
    r"such|fucking|pure|an absolute) )*(?:crimes?|disgusting|evil|wrong|horrifying|horrific|"
    r"monstrous|inhumane|cruel|barbaric|shameful|disgrace|atrocity|appalling|unacceptable|"
    r"criminal|sickening|outrageous|tragedy|tragic|awful|horrible|terrible|brutal|"
    r"heartbreaking|human rights)\b)"
)


def _them(match: re.Match[str]) -> str:
    group = 1 if match.group(1) else 2
    return match.group(0)[: match.start(group) - match.start()] + "them"


def done_to(tagged: TaggedClause) -> TaggedClause:
    """The clause with a group that a condemned harm is done to written 'them' (:data:`_DONE_TO`):
    no record or statement reads the condemnation as said of the group."""
    if (
        "qqg is" not in tagged.text
        and "qqg was" not in tagged.text
        and "qqg are" not in tagged.text
    ):
        return tagged
    text = _DONE_TO.sub(_them, tagged.text)
    return tagged if text == tagged.text else replace(tagged, text=text)


def relation_signs(text: NormalizedText) -> NormalizedText:
    """The message with '=' read as the copula it stands for ('being gay = a disease' says
    'being gay is a disease'); normalisation drops the sign, leaving 'being gay a disease',
    which no reading takes for a claim. The same text when it holds no '='."""
    if "=" not in text.original:
        return text
    folded = _EQUALS.sub(" is ", text.original)
    return text if folded == text.original else normalize(folded)


def with_relation_signs(
    text: NormalizedText, judge: Callable[[NormalizedText], list[FilterHit]]
) -> list[FilterHit]:
    """``judge``'s hits on the message with '=' read as a copula (:func:`relation_signs`). The
    reading of the sign only flags: a removal stands only if the text removes without it."""
    folded = relation_signs(text)
    hits = judge(folded)
    if folded is text or all(h.action is not Action.REMOVE for h in hits):
        return hits
    if any(h.action is Action.REMOVE for h in judge(text)):
        return hits
    return [replace(h, action=Action.FLAG) for h in hits]


def negative(statements: list[Statement], text: NormalizedText, extra: dict[str, float]) -> bool:
    """Whether the message says something negative of a group: read from its statements
    when there are any (a passive 'are often harassed' says nothing of the group), else
    from its words."""
    if statements:
        return any(s.worst <= -1.0 or s.polarity < 0 or s.denies_positive for s in statements)
    return carries_negativity(text.tokens, extra)


def own_valences(lex: Lexicon) -> dict[str, float]:
    """Rule 1's own valences over VADER's: dehumanising words -3.0, derogatory -2.5, and the
    words that reduce a group to looks or service ('docile', 'porcelain dolls')."""
    table = {w: -3.0 for w in words_of(lex, "dehumanising")}
    table.update({w: -2.5 for w in words_of(lex, "derogatory")})
    for word, value in reduced_valences().items():
        table.setdefault(word, value)
    return table


def words_of(lex: Lexicon, name: str) -> list[str]:
    """The single words of one of the lexicon's word lists."""
    return [w for w in lex.words.get(name, []) if " " not in w and w not in _PROFANITY]


def quote(text: NormalizedText, limit: int = 80) -> str:
    """The message as written, up to ``limit`` characters (evidence for a model's flag)."""
    return clip(" ".join(text.original.split()), limit)


def named(tagged: TaggedClause) -> str:
    """A tagged clause with its groups and slurs named again: the phrase a hit quotes."""
    groups = iter(tagged.groups)
    slurs = iter(written for _, written, person in tagged.slurs if person)
    words = []
    for word in tagged.text.split(" "):
        if word == "qqg":
            word = next(groups, "them")
        elif word == "qqs":
            word = next(slurs, "a slur")
        elif word == "qqp":
            word = "they"
        words.append(word)
    return " ".join(words)


def clip(said: str, limit: int = 80) -> str:
    return said if len(said) <= limit else said[: limit - 1] + "…"


_TAG = re.compile(r"\bqq([gsp])\b")


def spoken(text: str, target: str = "them") -> str:
    """``text`` with the lexicon's tags said in words ('qqs' -> 'a slur'): what a member or a
    moderator reads must never show the tags the analysis works on."""
    return _TAG.sub(lambda m: {"g": target, "s": "a slur", "p": "they"}[m.group(1)], text)


def contempt_evidence(said: Statement) -> tuple[str, str]:
    """(the phrase a hit quotes, its reason) for a statement of contempt or one that denies a
    group a good quality, with the tags said in words."""
    clause = spoken(said.clause or f"{said.target} {said.predicate}", said.target)
    if said.contempt:
        predicate = spoken(said.predicate, said.target)
        return clip(clause), f"contempt for a protected group ('{said.target}': '{predicate}')"
    return clip(clause), f"denies a protected group a good quality ('{clip(clause)}')"


# A question's auxiliary before its subject: 'should qqg be kept away from children',
# 'why are qqg so lazy' (the copula stays: statements read 'are qqg so lazy' already).
_INVERTED = re.compile(
    r"^(?:(?:why|how come|so) )?(?P<aux>should|can|could|would|will|must|do|does|did)"
    r" (?P<np>(?:\S+ ){0,3}?(?:qqg|qqp|qqs)) (?P<rest>.+)$"
    # 'is it just me or are qqg stupid', 'aren't qqg lazy' ('why are qqg so ...' the
    # statements read as it is; 'are there qqg who ...' asks whether any exist).
    r"|^(?:(?:is it just me or|or|but) )?(?P<aux2>are|aren't|arent|isn't|isnt|weren't)"
    r" (?P<np2>(?:(?!there )\S+ ){0,3}?(?:qqg|qqp|qqs)) (?P<rest2>.+)$"
)
# A negated auxiliary that opens a question asserts: 'aren't qqg lazy' -> 'qqg are lazy'.
_ASSERTED = {"aren't": "are", "arent": "are", "isn't": "is", "isnt": "is", "weren't": "were"}
_DUMMY = frozenset(["do", "does", "did"])
_DOUBTED = re.compile(
    r"(?:even|really|actually|honestly|seriously|ever|still)(?: really| even)? (be allowed to .+)$"
)
_PRONOUN_SUBJECT = re.compile(r"(?:i|we|you|u|they|he|she|people|anyone|everyone) ")
_PERSISTING = re.compile(
    r"(?P<np>\b(?:qqg|qqp|qqs)(?: (?:always|still|just|even|all))*)"
    r" (?:(?:insists?|insisted|persists?) (?:on|in)|(?:keeps?|kept|continues?)(?: on)?) being\b"
)


def uninvert(tagged: TaggedClause) -> TaggedClause:
    """'should qqg be kept away' -> 'qqg should be kept away': a question's subject put back
    before its auxiliary, so the statement records read it (the speaker still asks: the
    detector's attribution says so)."""
    text = tagged.text
    match = _INVERTED.match(text)
    if match is not None:
        aux, np, rest = (
            match.group("aux", "np", "rest")
            if match.group("aux")
            else match.group("aux2", "np2", "rest2")
        )
        # 'why do qqg always lie' -> 'qqg always lie': 'do' only carries the question, and
        # left in place it hides the predicate from the records and the statement reading.
        aux = _ASSERTED.get(aux, aux)
        # Not when someone else is the subject ('why do we keep qqg ...').
        dummy = aux in _DUMMY and _PRONOUN_SUBJECT.match(np) is None
        text = f"{np} {rest}" if dummy else f"{np} {aux} {rest}"
        doubted = _DOUBTED.match(rest) if aux == "should" else None
        if doubted is not None:
            # 'should qqg even be allowed to vote?' doubts the right it names: read as the
            # denial it implies (a question is only ever flagged, see detectors_hate).
            text = f"{np} shouldn't {doubted.group(1)}"
    # 'qqg insist on being freaks', 'why do qqg keep being so rude': said of the group as
    # 'qqg are ...' says it.
    if " being" in text:  # a substring test first: this runs on every clause
        text = _PERSISTING.sub(r"\g<np> are", text)
    return tagged if text == tagged.text else replace(tagged, text=text)


# 'Trans women are men': the group said to be the sex it is not. Keyed by the group as written.
_TRANS_WOMEN = frozenset(["trans women", "transwomen", "trans woman", "transwoman", "trans girls"])
_TRANS_MEN = frozenset(["trans men", "transmen", "trans man", "transman", "trans guys"])
_MALE = frozenset(["men", "man", "males", "male", "dudes", "guys", "blokes", "boys", "a man"])
_FEMALE = frozenset(["women", "woman", "females", "female", "girls", "gals", "a woman", "chicks"])
_MISGENDER = re.compile(
    r"^(?:qqg|qqp) (?:are|is|r|were) (?:(?:just|really|actually|still|simply|only|all|biologically"
    r"|always|literally|basically|obviously|clearly|nothing but) )*(?:a )?(?P<p>qqg|\S+)"
    r"(?! too| as well| and| who| of)"
)


def misgendered(tagged: TaggedClause) -> str:
    """The predicate of 'trans women are (just) men' (and the reverse), else ''."""
    if not tagged.groups or tagged.groups[0] not in (_TRANS_WOMEN | _TRANS_MEN):
        return ""
    match = _MISGENDER.match(tagged.text)
    if match is None:
        return ""
    predicate = match.group("p")
    if predicate == "qqg":
        predicate = tagged.groups[1] if len(tagged.groups) > 1 else ""
    wrong = _MALE if tagged.groups[0] in _TRANS_WOMEN else _FEMALE
    return f"{tagged.groups[0]} are {predicate}" if predicate in wrong else ""


def undisclaimed(tagged: str) -> str:
    """'it's not racist to say qqg are lazy' -> 'qqg are lazy': the disclaimer's 'not' does
    not reach the claim it shields."""
    shield = DISCLAIMER.search(tagged)
    if shield is None or "qq" in tagged[: shield.end()]:
        return tagged
    rest = tagged[shield.end() :]
    rest = re.sub(r"^ (?:(?:to|if) (?:say|point out|admit|notice|think|believe) )?", " ", rest)
    return re.sub(r"^ (?:it's true )?(?:that )?", "", rest) or tagged


# A second subject joined to the first: 'qqg are superior and qqg exist to serve qqp'.
_NEXT_SUBJECT = re.compile(r" (?:and|but|while|whereas|yet) (?:the |all |most )?(?=qqg )")


def subjects(tagged: TaggedClause, fallback: str) -> list[tuple[str, str]]:
    """(clause text, group) for the clause's first group and for each group that opens a
    coordinated clause after it, so what is said of the second is read too ('men are superior
    and women exist to serve them')."""
    first = (tagged.groups or (fallback,))[0]
    found = [(tagged.text, first)]
    if len(tagged.groups) < 2:
        return found
    for match in _NEXT_SUBJECT.finditer(tagged.text):
        index = tagged.text[: match.end()].count("qqg")
        if 0 < index < len(tagged.groups):
            found.append((tagged.text[match.end() :], tagged.groups[index]))
    return found


def quoted_word(original: str, word: str) -> bool:
    """Whether ``word`` stands alone in quote marks in the message ('called a "gook"')."""
    if not word:
        return False
    pattern = r"[\"“”'‘’]\s*" + re.escape(word) + r"\s*[\"“”'‘’]"
    return re.search(pattern, original, re.IGNORECASE) is not None


def praised(statements: list[Statement], patterns_found: bool) -> bool:
    """Praise or a denied stereotype in every clause about a group ('Jews are lovely people',
    'I don't think women are stupid'), or, when no pattern found anything, praise beside
    neutral clauses ('gay people are just people, and they're great')."""
    if not statements:
        return False
    if all(s.praises or s.denies_negative for s in statements):
        return True
    neutral = all(
        s.praises
        or s.denies_negative
        or (not s.contempt and not s.denies_positive and s.worst > -1.0 and s.polarity >= 0)
        for s in statements
    )
    return neutral and not patterns_found and any(s.praises for s in statements)


def emphatic_map(lex: Lexicon) -> dict[str, str]:
    """Squeezed forms of the pattern words, to read 'kiiiill' and 'disgustinggg' as words."""
    table: dict[str, str] = {}
    for words in lex.words.values():
        for phrase in words:
            for word in phrase.split():
                table.setdefault(squeeze(word)[0], word)
    return table


def word_reader(
    known: frozenset[str], emphatic: dict[str, str], typos: dict[str, str]
) -> Callable[[str], tuple[tuple[str, str, bytes], ...]]:
    """The words one token reads as, each with its squeezed form and runs ('kiiiill' ->
    'kill', 'disgustng' -> 'disgusting', "don't" -> 'do', 'not'): they depend on the token
    alone, so each token is worked out once (chat vocabulary is small)."""

    @lru_cache(maxsize=65_536)
    def read(token: str) -> tuple[tuple[str, str, bytes], ...]:
        words: list[tuple[str, str, bytes]] = []
        for word in CONTRACTIONS.get(token, token).split():
            squeezed, runs = squeeze(word)
            if word not in known:
                if squeezed in emphatic and max(runs) >= 3:
                    word = emphatic[squeezed]
                elif word in typos:
                    word = typos[word]
            words.append((word, squeezed, runs))
        return tuple(words)

    return read
