"""Attribution: whether the speaker asserts a claim or quotes, reports, asks or denounces it.

Shared by rule 1 (:mod:`detectors_hate`) and rule 3 (:mod:`detectors_denial`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from importlib import resources

from bot.moderation.domain.normalize import NormalizedText, normalize
from bot.moderation.domain.prefilter import prefiltered

# Attribution: whether the speaker asserts a claim or quotes, reports, asks or denounces it.
_QUOTE = re.compile(r"[\"“”«»„][^\"“”«»„]{3,}[\"“”«»„]|(?:^|\n)\s*>|(?:^|\s)'[^']{3,}'(?=\W|$)")
_REPORT = re.compile(
    r"\b(?:he|she|they|someone|somebody|some people|people|a guy|a user|this guy|that guy|the guy|the user|the poster|op|my \w+|a \w+er"
    r"|the \w+er|commenters?|users?|tankies|racists|bigots|trolls|deniers|\w+ists)"
    r" (?:\w+ )?(?:said|says|say|saying|claims?|claimed|claiming|told|tells|wrote|writes|yelled"
    r"|shouted|screamed"
    # 'insist on being ...' is what a group is said to do, not a claim someone reports.
    r"|posted|posts|tweeted|argues|argued|insists?(?! on)|insisted(?! on)|called|calls|keeps? saying"
    r"|think|thinks|believe|believes)\b"
    r"|\b(?:people|those|anyone|someone|racists|bigots|whoever) who (?:\w+ )?(?:say|says|said|think|thinks|believe"
    r"|believes|claim|claims|call|calls|spread|post)\b"
    r"|\b(?:i|we) (?:saw|heard|read|found) (?:a|an|this|that|someone|people|some)\b"
    r"|\b(?:if|when) you (?:\w+ )?(?:think|believe|say|claim|pretend)\b"
    r"|\b(?:quote|quoting|according to|reportedly) \b"
)


# data/attribution_reporting.json, read once: reporting verbs, endorsing phrases, reply openers.
_REPORTING = json.loads(
    resources.files("bot.moderation")
    .joinpath("data", "attribution_reporting.json")
    .read_text(encoding="utf-8")
)


def _narration() -> re.Pattern[str]:
    """Reporting verbs from ``data/attribution_reporting.json``: a message describing what
    someone else said or did ('the article describes a man shouting ...') reports it. The
    speaker's own description ('I described them as ...') is no report: those verbs count only
    after a word that is not in ``not_after``."""
    data = _REPORTING

    def words(key: str) -> str:
        # Longest first, so 'was heard' is tried before a shorter cue it begins with.
        phrases = sorted(data[key], key=len, reverse=True)
        return "|".join(re.escape(phrase).replace(r"\ ", " ") for phrase in phrases)

    not_after = words("not_after")
    return re.compile(
        rf"\b(?:{words('after_anyone')})\b"
        rf"|(?<![\w'])(?!(?:{not_after}) )[\w']+ (?:{words('after_others')})\b"
    )


_NARRATION = _narration()


def _endorsing() -> re.Pattern[str]:
    """Agreement with a quoted or reported line, from ``data/attribution_reporting.json``."""
    phrases = sorted(_REPORTING["endorsing"], key=len)
    # Chat drops apostrophes ('hes right', 'wasnt wrong'): each one is optional.
    body = "|".join(re.escape(p).replace(r"\ ", " ").replace("'", "'?") for p in reversed(phrases))
    return re.compile(rf"(?<![\w'])(?:{body})(?![\w'])(?! on\b)")  # not 'based on'


_ENDORSING = _endorsing()
_DENOUNCE = re.compile(
    r"\b(?:racist|racism|bigoted|bigotry|bigots?|hateful|homophobic|transphobic|sexist|misogyn\w*"
    r"|xenophob\w*|antisemit\w*|islamophob\w*|dehumani[sz]\w*|indefensible|unacceptable|disgraceful|shameful"
    r"|shame on|not okay|not ok|isn't okay|is not okay"
    r"|stop saying|stop calling|stop posting|stop spreading(?! (?:\S+ )?(?:lies|lie|propaganda|myths?|fake|hoax\w*|liars|nonsense|fiction|stories))|delete (?:that|this|it|your)|remove"
    r" (?:that|this|it)|reported (?:it|that|this|them|him|her)|(?:is|was|are) (?:so )?wrong"
    r"|should be ashamed|how dare|hate speech|dog ?whistle|slurs?|(?:it's|its|it is) wrong"
    r"|wrong to (?:say|call|think|claim)|the (?:claim|myth|idea|stereotype|lie) that|debunked"
    r"|break(?:s|ing)? (?:rule|the rules)|against the rules"
    r"|which is (?:disgusting|vile|awful|horrible|sick)|how badly (?:they're|they are|we|people) treat\w*"
    r"|^(?:hating|attacking|harassing|mocking|insulting|bullying|calling|targeting) .*"
    r" (?:is|are) (?:so )?(?:stupid|wrong|disgusting|vile|unacceptable|pathetic|cowardly))\b",
    re.IGNORECASE,
)
# The same search for a lowered ASCII text, which has no letter left to fold: without
# IGNORECASE the engine scans for the literals (30 -> 6 us a message, measured). Its only
# upper-case letter is the class \S, which case does not touch.
_DENOUNCE_LOWERED = re.compile(_DENOUNCE.pattern)


def attribution(text: NormalizedText, narration: bool = False) -> str:
    """'quote', 'report', 'denounce' or 'question' when the message frames what it says as
    someone else's claim, condemns one, or asks; '' when the speaker simply asserts.

    With ``narration`` (rule 1's reading) a reporting verb ('describes', 'recounts',
    'witnessed') also makes a report; rule 3 reads without it, since a denial often names what
    a report describes ('the report describes things that never happened')."""
    plain = text.original
    if _QUOTE.search(plain):
        return "quote"
    lowered = plain.lower()
    if (_DENOUNCE_LOWERED if lowered.isascii() else _DENOUNCE).search(lowered):
        return "denounce"
    if _REPORT.search(lowered) or (narration and _NARRATION.search(lowered)):
        return "report"
    if plain.rstrip().endswith("?"):
        return "question"
    return ""


# A reply's quoted lines ('> ...' at the start) are the other member's words; what follows is
# the speaker's own. A scare quote ("my trans 'mate'", "his 'roommate'") is one word in quote
# marks after a determiner or a possessive, which the speaker uses with a sneer; two words or
# more, or one after any other word ("called them 'vermin'"), stay a quote: counter-speech puts
# the words it answers in quote marks (LOWO: 'just biology' crowd, 'natural liars').
_REPLY_HEAD = re.compile(r"^(?:\s*>[^\n]*(?:\n|$))+")
_SCARE = re.compile(
    r"(?:^|(?<=[\s,]))(?P<d>(?:a|an|another|the|my|his|her|their|your|our|this|that|these|those"
    r"|trans|sure|yes|right),? )[\"“'‘](?P<w>[a-z]+)[\"”'’](?![\w'’])",
    re.IGNORECASE,
)
# ... and a pronoun or gender word alone in quote marks, after any word ("calling him 'she'",
# '"non-binary" isn't real'): a sneer at a trans person's word for themselves, never a quote of
# a line (round 14: 07a/07b and writer N's trans-denial misses were read as quotes).
_SCARE_PRONOUN = re.compile(
    r"[\"“'‘](?P<w>she|her|he|him|they|them|they/them|she/her|he/him|ze|xe|woman|man|girl|boy"
    r"|boyfriend|girlfriend|non-binary|nonbinary|transitioned|trans woman|trans man)[\"”'’](?![\w'’])",
    re.IGNORECASE,
)


def reply_lines(original: str) -> str | None:
    """A reply's own lines after the '> ' lines it quotes (None: no quoted head or nothing
    after it)."""
    head = _REPLY_HEAD.match(original)
    own = original[head.end() :] if head is not None else ""
    return own if own.strip() else None


def _reply_openers() -> tuple[re.Pattern[str], frozenset[str]]:
    data = _REPORTING
    openers = sorted(data["reply_openers"], key=len, reverse=True)
    body = "|".join(re.escape(p) for p in openers)
    # The opener stands alone or before a comma, a stop or a laugh: 'this is nonsense' opens
    # with 'this' and does not agree.
    end = r"(?=\s*(?:$|[,.!;:)\-]|(?:lol|lmao|haha|tbh|ngl)\b))"
    return re.compile(rf"^\W{{0,3}}(?:{body}){end}"), frozenset(data["reply_contradictions"])


_REPLY_OPENER, _REPLY_CONTRADICTS = _reply_openers()


def agrees_in_reply(own: str) -> bool:
    """Whether a reply's own lines open by agreeing with the line they quote ('this', 'exactly
    lol, it's just how they are', '^ this') and nothing after contradicts or denounces it
    ('yeah but the regime made them so', 'true, and it's racist to say'). Rule 1, replies only."""
    own = own.strip().lower().replace("\u2019", "'")
    if _REPLY_OPENER.search(own) is None or _DENOUNCE.search(own) is not None:
        return False
    return _REPLY_CONTRADICTS.isdisjoint(re.findall(r"[\w']+", own))


def endorsed(original: str) -> bool:
    """Whether the speaker's own words (outside quote marks) agree with what the message quotes
    or reports, and nothing in them denounces it."""
    own = _QUOTE.sub(" ", original).lower()
    own = own.replace("\u2019", "'")
    return _ENDORSING.search(own) is not None and _DENOUNCE.search(own) is None


def speaker_attribution(text: NormalizedText, speaks: Callable[[str], bool]) -> str:
    """:func:`attribution` of what the speaker says, scare quotes not taken for quoting;
    'endorse' when the speaker agrees with the line the message quotes or reports.

    A reply's own lines after the lines it quotes are read alone when ``speaks`` finds them
    saying something of their own (rule 1: they name a group); 'this is vile' about the
    quoted line, or a reply of quoted lines only, stays a quote."""
    original = text.original
    own = reply_lines(original)
    if own is not None and speaks(own):
        return speaker_attribution(normalize(own), speaks)
    found = attribution(text, narration=True)
    if found in ("quote", "report") and endorsed(original):
        return "endorse"  # 'KCNA called them "scum" and for once I agree': the speaker asserts it
    if found != "quote" or _REPLY_HEAD.match(original) is not None:
        return found
    sneered = _SCARE.sub(lambda m: m.group("d") + m.group("w") + " ", original)
    sneered = _SCARE_PRONOUN.sub(lambda m: m.group("w"), sneered)
    return found if sneered == original else attribution(normalize(sneered), narration=True)


# The hottest searches ask an RE2 twin first: the same matches (prefilter.py).
_REPORT = prefiltered(_REPORT)
_NARRATION = prefiltered(_NARRATION)
_DENOUNCE = prefiltered(_DENOUNCE)
