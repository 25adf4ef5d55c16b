"""Built-in detector for rule 2 (Lemmy's code of conduct): insults and harassment aimed at a
person, urging self-harm, and threats. Spam is rule 2 too but needs per-guild state, so it lives
in :mod:`spam`.

Casual cursing ('this is fucking great') and disagreement ('you're wrong about this') are not
insults: a pattern needs a person as its target, usually 'you' or a mention.

Actions: threats against a person and urging self-harm remove, insults flag. There is no
labelled rule-2 set; on 11,167 messages (rule-1/3 training and dev files, 2,000 unseen
davidson-2017 tweets) it removed two, both threats ('kys ...', "I'll slit your throat").
"""

from __future__ import annotations

import re

from bot.moderation.domain.names import HARASSMENT_FILTER_NAME
from bot.moderation.domain.normalize import NormalizedText, normalize_plain
from bot.moderation.domain.phrases import alt, canonical_words, evidence, sentences
from bot.moderation.domain.prefilter import prefiltered
from bot.moderation.domain.rulebook import union
from bot.moderation.domain.verdict import Action, FilterHit

_INSULT_NOUNS = alt(
    """idiot idiots moron morons imbecile imbeciles dumbass dumbasses dumbfuck asshole assholes
    arsehole bastard bastards bitch bitches cunt cunts dick dickhead dickheads prick pricks twat
    twats wanker wankers jackass loser losers clown clowns fool fools scum piece_of_shit pos trash
    garbage waste_of_space waste_of_oxygen waste_of_air degenerate degenerates pig subhuman cuck
    simp incel dipshit shithead shitheads motherfucker motherfuckers fuckface numbnuts halfwit
    dimwit cretin bozo nitwit creep freak psycho lunatic retard retards tard nazi bootlicker
    snowflake troll parasite leech pathetic_excuse disgrace embarrassment failure joke whore slut
    skank douche douchebag scumbag scumbags sack_of_shit son_of_a_bitch fatass worm rat vermin
    imbecil fucker fuckers knobhead tosser pillock muppet"""
)
_INSULT_ADJ = alt(
    """stupid dumb idiotic moronic pathetic worthless useless brainless braindead brain_dead
    retarded ugly disgusting fat pathetic insufferable vile repulsive a_disgrace an_embarrassment
    trash garbage scum subhuman mentally_retarded dense thick an_idiot a_moron"""
)
_DEGREE = (
    r"(?:such|a|an|the|so|really|fucking|fuckin|absolute|absolutely|complete|completely|total"
    r"|totally|utter|utterly|little|big|fat|stupid|dumb|pathetic|worthless|biggest|most|just"
    r"|nothing but|literally|actually|being|an absolute|a complete|a total|a fucking|a stupid"
    r"|one|ugly|lying|miserable|sad|incredibly|unbelievably|truly|seriously|all|guys|people"
    r"|lot|still|clearly|obviously|definitely)"
)
_NEGATORS = frozenset(
    [
        "not",
        "never",
        "no",
        "don't",
        "dont",
        "isn't",
        "isnt",
        "aren't",
        "arent",
        "wasn't",
        "weren't",
        "nobody",
        "stop",
    ]
)

_SELF_HARM = tuple(
    re.compile(p)
    for p in (
        r"\b(?P<p>(?:kill|hang|shoot|neck|end|off|unalive|drown|stab|cut|burn|hurt) "
        r"(?:your ?self|yourselves|urself|yaself|your own life|your life))\b",
        r"\b(?P<p>kys|kms you|k y s)\b",
        r"\b(?P<p>go (?:and )?(?:die|kill yourself|jump off|drink bleach|hang yourself|play in "
        r"traffic|choke|rot|drown))\b",
        r"\b(?P<p>(?:drink|eat|swallow) (?:some )?bleach)\b",
        r"\b(?P<p>slit your (?:wrists|throat))\b",
        r"\b(?P<p>you should (?:just |really |honestly )?(?:die|not exist|not be alive|end it|end "
        r"yourself|disappear forever|jump|off yourself|stop breathing))\b",
        r"\b(?P<p>(?:i )?(?:hope|wish|pray) (?:that )?you (?:would |will |)(?:die|get cancer|get "
        r"killed|get hit by|rot|suffer|burn|choke|drown|get raped|were dead|was dead|drop dead|"
        r"never wake up))\b",
        r"\b(?P<p>nobody would miss you|no one would miss you|no one will miss you|nobody will "
        r"miss you)\b",
        r"\b(?P<p>do (?:us|everyone|the world|all of us) a favou?r and (?:die|leave|disappear|kill"
        r" yourself|jump|end it))\b",
        r"\b(?P<p>(?:world|everyone|everybody|we) (?:would be|is|will be|'d be) better (?:off )?"
        r"without you)\b",
        r"\b(?P<p>you (?:don't|do not|dont) deserve to (?:live|exist|be alive))\b",
    )
)
_THREATS = tuple(
    re.compile(p)
    for p in (
        r"\b(?P<p>(?:i|we|someone|somebody|my friends|my boys) (?:will|going to|want to|am going "
        r"to|are going to|am gonna|should|would love to|could easily|can|shall|plan to|swear to "
        r"god i will|swear i will|will personally|would happily|am coming to) (?:\w+ ){0,2}?"
        r"(?:kill|shoot|stab|murder|hurt|beat|punch|find|rape|strangle|choke|end|destroy|break "
        r"your|smash your|fuck you up|slit|bash|burn|track|hunt|dox|doxx|kick your|beat your|cut)"
        r" (?:you|your|ya|u|down|where you)\b)",
        r"\b(?P<p>i know where you (?:live|work|sleep)|i have your address|i found your address)\b",
        r"\b(?P<p>you (?:are|'re) (?:so |fucking )?dead)(?! wrong| right| serious| on| set| tired"
        r"| inside| to me| meat| weight| center)\b",
        r"\b(?P<p>watch your back|sleep with one eye open|you will not see it coming|your days "
        r"are numbered|you are next|you're next)\b",
        r"\b(?P<p>you (?:are|'re) (?:going to|gonna) (?:die|get hurt|bleed|regret being born))\b",
        r"\b(?P<p>(?:i'll|i will|i am going to|going to) (?:come for|come after|find|get) you)\b",
    )
)
_INSULTS = tuple(
    re.compile(p)
    for p in (
        rf"\byou(?: {_DEGREE}){{0,2}}(?: are| were| r| is|'re| sound like| look like| act like"
        rf"| seem like)?(?: {_DEGREE}){{0,4}} (?P<p>{_INSULT_NOUNS})\b",
        rf"\byou(?: are| were|'re| is| r| look| sound| seem| act)(?: {_DEGREE}){{0,4}} (?P<p>{_INSULT_ADJ})\b",
        r"\b(?P<p>shut (?:the fuck |the hell |your \w+ )up|shut up you|stfu|gtfo|fuck (?:you|off|u)|screw you"
        r"|go to hell|go fuck yourself|fuck yourself|suck my \w+|eat shit|piss off|get lost|nobody "
        r"asked you|nobody asked|no one asked|nobody cares about you|nobody likes you|no one likes"
        r" you|get a life|go cry|cry more|cope harder|seethe harder|kiss my ass|up yours|go back to your"
        r" cave|your mom$|your mom(?:'s| is) (?:so|a|an) \w+|your mother is a \w+)\b",
        rf"\b(?P<p>(?:{_INSULT_ADJ}|fucking) (?:{_INSULT_NOUNS}))(?: like you)\b",
        r"\b(?P<p>(?:people|idiots|morons|clowns) like you)\b",
        r"\b(?P<p>your (?:stupid|ugly|fat|dumb|fucking|pathetic) (?:face|ass|self|mouth|brain))\b",
    )
)
_MENTION = re.compile(r"<@!?\d+>")
_GATE = frozenset(
    [
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "u",
        "ur",
        "ya",
        "yaself",
        "urself",
        "youre",
        "you're",
        "kys",
        "stfu",
        "gtfo",
        "asked",
        "suck",
        "shit",
        "cry",
        "cope",
        "seethe",
        "mom",
        "mother",
        "hell",
        "piss",
        "fuck",
        "screw",
        "bleach",
        "die",
        "wrists",
        "traffic",
    ]
)
_MENTION_INSULT = re.compile(
    rf"^(?:is|are|was)(?: {_DEGREE}){{0,4}} (?P<p>{_INSULT_NOUNS}|{_INSULT_ADJ})\b"
)


_ANY = union([*_SELF_HARM, *_THREATS, *_INSULTS])


def _negated(words: str, start: int) -> bool:
    return any(word in _NEGATORS for word in words[:start].split(" ")[-3:])


class HarassmentDetector:
    """Rule 2: insults, harassment, threats and urging self-harm aimed at a person."""

    name = HARASSMENT_FILTER_NAME
    rule = 2

    def detect(self, text: NormalizedText) -> list[FilterHit]:
        """Threats and self-harm urging are removed; insults are flagged for a moderator."""
        has_mention = "<@" in text.original
        if not has_mention and _GATE.isdisjoint(text.tokens):
            return []  # every pattern needs one of these words: most messages stop here
        hits: list[FilterHit] = []
        for _, words in sentences(text):
            if _ANY.search(words) is None:
                continue  # no pattern of any list matches this sentence
            for patterns, action, reason in (
                (_SELF_HARM, Action.REMOVE, "urging someone to harm themselves"),
                (_THREATS, Action.REMOVE, "a threat against a person"),
                (_INSULTS, Action.FLAG, "an insult aimed at a person"),
            ):
                for pattern in patterns:
                    match = pattern.search(words)
                    if match is None or _negated(words, match.start()):
                        continue
                    quoted = evidence(words, match.start(), match.end())
                    hits.append(
                        FilterHit(self.name, 2, action, quoted, f"{reason} ('{quoted}')", False)
                    )
                    break
                if hits and hits[-1].action is Action.REMOVE:
                    return hits[-1:]
        if not hits and has_mention and _MENTION.search(text.original):
            for segment in _MENTION.split(text.original)[1:]:
                words = canonical_words(normalize_plain(segment))
                match = _MENTION_INSULT.search(words)
                if match is not None:
                    quoted = evidence(words, match.start(), match.end())
                    reason = f"an insult aimed at a member ('{quoted}')"
                    hits.append(FilterHit(self.name, 2, Action.FLAG, quoted, reason, False))
                    break
        return hits[:1]


# The hottest searches ask an RE2 twin first: the same matches (prefilter.py).
_ANY = prefiltered(_ANY, counted=True)  # its {0,4}s measured: 14 -> 1.3 us a search
