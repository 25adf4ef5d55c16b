"""Statement patterns for rule 1, written over tagged clauses (see :mod:`hate_lexicon`).

In the patterns ``G`` stands for a protected group, a slur used of people, or a pronoun that
refers back to one. Each pattern family names what it catches; negation and counter-speech are
judged afterwards by :mod:`detectors_hate`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.moderation.domain.hate_lexicon import Lexicon

G = r"(?:qqg|qqs|qqp)"
_FILL = (
    r"(?:all|every|each|any|the|those|these|them|you|fucking|fuckin|effing|damn|damned|most|many"
    r"|such|of|single|one|some|more|other|filthy|dirty|stupid|disgusting|ugly|lazy|a|an|bloody"
    r"|goddamn|little|big|fat|our|their|your|this|that|these|every single|of them|of those)"
)
_MODAL = (
    r"(?:should|must|need to|needs to|ought to|deserve to|deserves to|have to|has to|gotta|got to"
    r"|are going to|is going to|are gonna|will|shall|can|could|would|better|oughta|needs|deserve)"
)
_INTENT = (
    r"(?:will|'ll|ll|gonna|going to|want to|wanna|would love to|'d love to|d love to|should|must"
    r"|need to|have to|plan to|intend to|can't wait to|cant wait to|would happily|'d happily"
    r"|wish i could|am going to|are going to|am gonna|will gladly|would gladly|ought to|shall"
    r"|needs to|has to|got to|should just|must all)"
)
_SUBJECT = (
    r"(?:i|we|i'm|im|we're|someone|somebody|everyone|everybody|people|you|they|let's|lets|u|y'all"
    r"|one day i|one day we|i swear i|i really)"
)
_COPULA = (
    r"(?:are|is|r|were|was|be|being|been|seem|seems|look|looks|become|remain|all|so|too|such|'re"
    r"|re|am|just|really|truly|always|simply)"
)
_INTENSIFIERS = (
    r"(?:little|old|fat|fucking|fuckin|damn|bloody|lazy|dirty|stinking|filthy|ugly|stupid|dumb|sick"
    r"|evil|illegal|disgusting|smelly|nasty|vile|godless)"
)


def _split_words(text: str) -> list[str]:
    """The words of a whitespace-separated word list."""
    return text.split()


def _alt(words: list[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in words) + ")"


@dataclass(frozen=True, slots=True)
class PatternFamily:
    """A named family of regexes over tagged clauses.

    In each pattern the group ``p`` holds the predicate (the words that make it hateful) and a
    group ``n`` marks a negation that is part of the meaning. ``triggers``, when given, are words
    of which a clause must contain one for any pattern of the family to match: a set lookup
    spares most clauses the regexes.
    """

    kind: str
    reason: str
    patterns: tuple[re.Pattern[str], ...]
    negatable: bool = True
    triggers: frozenset[str] | None = None


def build_families(lex: Lexicon) -> tuple[PatternFamily, ...]:
    """Compile the statement patterns from the lexicon's word lists."""
    w = lex.words
    neg = _alt(w["derogatory"])
    deh = _alt(w["dehumanising"])
    emo = _alt(w["emotion_verbs"] + w["emotion_phrases"])
    tv = _alt(w["threat_verbs"] + w["threat_phrases"])
    tp = _alt(w["threat_participles"] + w["threat_participle_phrases"])
    pos = _alt(w["positive"])
    posv = _alt(w["positive_verbs"])
    negator = _alt(w["negators"])

    def c(*patterns: str) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p) for p in patterns)

    def firsts(*lists: list[str]) -> set[str]:
        return {phrase.split(" ")[0] for words in lists for phrase in words}

    threat_triggers = firsts(
        w["threat_verbs"],
        w["threat_phrases"],
        w["threat_participles"],
        w["threat_participle_phrases"],
    ) | set(
        _split_words(
            """die burn rot hang suffer perish extinct wiped disappear death extermination genocide
            holocaust gas chambers chamber ovens oven bullets bullet noose live exist breed
            reproduce alive kids children survive dead without wish hope pray sight fire better
            make let watch see killing shooting murdering gassing hanging lynching exterminating
            eradicating deporting burning beating raping torturing slaughtering bombing stabbing
            eliminating wiping getting only"""
        )
    )
    emotion_triggers = firsts(w["emotion_verbs"], w["emotion_phrases"]) | {
        "to",
        "screw",
        "down",
        "away",
        "fuck",
        "go",
        "burn",
        "rot",
        "piss",
        "get",
    }

    threat = PatternFamily(
        "threat",
        "a threat or call for violence against a protected group",
        c(
            rf"{G}(?: \S+){{0,6}}? {_MODAL} (?:(?:all|just|simply|really|fucking|be|get|all be|"
            rf"all get|each|every one|be fucking) ){{0,3}}(?P<p>{tp}|die|burn|rot|hang|suffer|perish"
            r"|go extinct|be wiped out|disappear)\b",
            rf"\b{_SUBJECT}\b(?: \S+){{0,3}}? {_INTENT} (?:\S+ ){{0,2}}?(?P<p>{tv})\b"
            rf"(?: \S+){{0,5}}? {G}",
            rf"^(?:(?:let's|lets|just|we should|we must|we need to|go|please|somebody|someone"
            rf"|time to|i say we|i say) )?(?P<p>{tv})\b(?! out| with| around| for| up with| it)"
            rf"(?: down| up)?(?: {_FILL}){{0,3}} {G}",
            rf"\b(?P<p>death|extermination|genocide|holocaust|gas chambers?|ovens?|bullets?|noose)"
            rf" (?:to|for) (?:{_FILL} ){{0,4}}{G}",
            rf"{G}(?: \S+){{0,3}} (?P<n>don't|do not|dont|doesn't|does not|shouldn't|should not|"
            r"must not|never) (?:deserve to |get to |even |be allowed to )?(?P<p>live|exist|breed"
            r"|reproduce|be alive|have kids|have children|survive)\b",
            rf"\bonly good {G} (?:is|are) (?:a )?(?P<p>dead)",
            rf"{G}(?: \S+){{0,2}} (?:are|is|would be|r) better off (?P<p>dead)",
            rf"\b(?:world|country|earth|planet|society|place|everyone|we) (?:would be|is|will be|'d"
            rf" be|d be) (?:so much |much |a lot |way )?better (?:off )?(?P<p>without) (?:{_FILL} ){{0,4}}{G}",
            rf"\b(?:wish|hope|pray) (?:that )?(?:{_FILL} ){{0,4}}{G} (?:would |will |all |)"
            rf"(?P<p>die|were dead|was dead|get killed|burn|rot|suffer|get cancer|drop dead|go extinct)",
            rf"\b(?P<p>{tv}) (?:{_FILL} ){{0,4}}{G} (?:on sight|like the|with fire)",
            rf"\b(?:make|let|watch|see) (?:{_FILL} ){{0,4}}{G} (?P<p>suffer|pay|bleed|die|burn|rot"
            r"|disappear|regret it|scream|beg)\b",
            rf"\b(?P<p>killing|shooting|murdering|gassing|hanging|lynching|exterminating|eradicating"
            r"|deporting|burning|beating|raping|torturing|slaughtering|bombing|stabbing|eliminating"
            rf"|wiping out|getting rid of) (?:{_FILL} ){{0,4}}{G} (?:is|would be|will be|should be|"
            r"must be|was|are) (?:\S+ ){0,3}?(?:right|good|great|fine|justified|necessary|the "
            r"answer|the solution|needed|fun|a good thing|okay|ok|the only way|our duty|a "
            r"service|a public service|what we need|the right thing|based)\b",
            rf"\bbetter (?:off )?if (?:{_FILL} ){{0,4}}{G} (?P<n>didn't|did not|don't|dont|didnt"
            r"|weren't|were not|wasn't|no longer|never) (?P<p>exist|existed|live|lived|exist "
            r"anymore|around|here|breathe|born)",
            rf"\bbetter (?:off )?if (?:{_FILL} ){{0,4}}{G} (?:were|was|are|all) (?:all )?(?P<p>dead|"
            r"gone|extinct|wiped out|exterminated|deported|locked up)",
        ),
        triggers=frozenset(threat_triggers),
    )
    dehumanise = PatternFamily(
        "dehumanise",
        "dehumanising language about a protected group",
        c(
            rf"{G}(?: \S+){{0,2}}? (?:{_COPULA}|like|as|nothing but|no better than|basically|just"
            rf"|all|are all|equal|=)\b(?: \S+){{0,4}}? (?P<p>{deh}|qqs)\b",
            rf"{G} (?P<p>{deh})\b",
            rf"\b(?P<p>{deh}) (?:like|such as|called|aka|known as) (?:{_FILL} ){{0,4}}{G}",
            rf"\b(?:treat|treated|treating) (?:{_FILL} ){{0,4}}{G} (?:like|as) (?:\S+ ){{0,2}}?(?P<p>{deh})",
        ),
        negatable=True,
        triggers=frozenset(firsts(w["dehumanising"]) | {"qqs"}),
    )
    derogate = PatternFamily(
        "derogate",
        "a derogatory statement about a protected group",
        c(
            rf"{G}(?: \S+){{0,2}}? {_COPULA}\b(?: \S+){{0,4}}? (?P<p>{neg}|qqs)\b",
            rf"\b(?P<p>{neg}) (?:{_INTENSIFIERS} )?{G}",
            rf"\b(?P<p>fucking|fuckin|effing|goddamn|damn|bloody|frigging|fricking) {G}",
            rf"{G}(?: \S+){{0,2}} (?:make|makes|made) me (?P<p>sick|want to (?:puke|vomit|throw up|"
            r"die)|puke|vomit|nauseous|gag)",
            rf"{G} (?P<p>disgust|disgusts|sicken|sickens|repulse|repulses|revolt|revolts) me",
            rf"{G}(?: \S+){{0,2}} (?:are|is) (?:too|far too|way too|much too) (?P<p>\S+) to "
            r"(?:lead|think|vote|drive|work|be trusted|handle|understand|make decisions|run|govern"
            r"|be in charge|do science|learn|live|raise children)\b",
            rf"{G}(?: \S+){{0,1}} (?P<p>control|controls|run|runs|own|owns) (?:the |all the |our )?"
            r"(?:banks|media|world|government|governments|hollywood|money|everything|economy)\b",
            rf"{G}(?: \S+){{0,5}} (?P<p>ruin|ruins|ruined|destroy|destroys|are destroying|are ruining"
            r"|infest|infests|invade|invading|pollute|poison|steal|stealing|rape|breed like)\b",
            rf"{G}(?: \S+){{0,3}} (?:belong|belongs|should stay|should be kept|should go back|go "
            r"back)(?: \S+){0,2}? (?:in|to|into|at) (?P<p>the kitchen|kitchens|a zoo|the zoo|cages|a cage|the "
            r"trash|chains|the gutter|prison|jail|the fields|a circus|the circus|their country|"
            r"where they came from|their own country|africa|the desert|the closet|the jungle|hell|"
            r"the ground|an asylum|asylums|mental hospitals|the bin|the dark ages)",
            rf"{G}(?: \S+){{0,2}} (?:are|is|r) (?:only )?(?:good|useful|fit) for (?P<p>one thing|"
            r"nothing|breeding|cleaning|cooking|sex|making sandwiches|the kitchen|labor|labour)",
            rf"{G}(?: \S+){{0,2}} (?P<n>can't|cannot|cant|shouldn't|should not|should never|"
            r"can never|could never) (?P<p>be trusted|drive|lead|think|vote|be leaders|do anything|"
            r"be in charge|be smart|handle|control themselves|be equal|be real|do math|do maths|"
            r"do science|code|program|do their jobs?|learn|understand|be good at)",
            rf"{G}(?: \S+){{0,1}} (?:exist|are here|were made|were created|are born|are meant) "
            r"(?:only |just |solely )?(?:to|for) (?P<p>serve|please|breed|cook|clean|obey|make "
            r"babies|have babies|pleasure|work for us|be used)\b",
            rf"{G}(?: \S+){{0,2}} (?:is|are) (?:a |an )?(?P<p>insult to (?:nature|humanity|god|"
            r"society|women|men)|affront to (?:nature|god|humanity)|mental illness|mentally ill|disorder|"
            r"sickness|perversion|abomination|sin|an illness|illness|choice|a choice|a phase|"
            r"unnatural|degeneracy|against nature|a disease)\b",
            rf"{G}(?: \S+){{0,2}} (?:(?:should|must) (?P<n>not|never)|(?P<n2>shouldn't|shouldnt|"
            r"mustn't|mustnt)) (?:ever )?(?:be allowed|have(?! to\b)|get(?! to\b| paid| hurt| harassed"
            r"| attacked| abused)|be given|be able) (?P<p>\S+)",
            rf"\b(?P<n>don't|do not|dont|never) (?:ever )?want (?:{_FILL} ){{0,4}}{G} (?:\S+ )"
            r"{0,2}?(?P<p>living|moving|near|here|around|in (?:my|our|this)|next (?:door|to)|as "
            r"neighbou?rs|as (?:my|our) neighbou?rs)\b",
            rf"\b(?P<n>shouldn't|should not|must not|never) (?P<p>let|allow) (?:{_FILL} ){{0,4}}{G}"
            r" (?:in|into|near|to|vote|drive|lead|work|enter|teach|adopt|marry|serve|have|run|"
            r"live|stay|come)\b",
            rf"\b(?P<n>never|don't|do not|dont|wouldn't|would never|won't) (?:ever )?(?P<p>hire|"
            rf"rent to|vote for|date|marry|serve) (?:{_FILL} ){{0,4}}{G}",
            rf"{G}(?: \S+){{0,2}} (?:have|has|deserve|deserves) (?P<n>no) (?P<p>place|rights|right|"
            r"business|future|home|voice)\b",
            rf"\b(?P<n>no) {G} (?P<p>allowed|wanted|welcome|please|here)\b",
            rf"(?:^|\b(?:we|i|should|must|need to|let's|lets|gotta|have to|got to|just) )(?:keep|get"
            rf"|kick|throw) (?:{_FILL} ){{0,4}}{G} (?P<p>out)\b",
            rf"\b(?:go back to|send (?:them|{G}) back to) (?P<p>(?:your|their) (?:own )?"
            r"(?:country|countries|land|shithole|jungle|desert))",
            rf"\b(?P<p>typical) {G}",
            rf"\bonly thing {G} (?:bring|brings|do|does|are good for|is good for|know|knows|give us"
            r"|contribute|contributes|care about|cares about) (?:is|are) (?P<p>\S+)",
            rf"\b(?:all )?{G} (?:need|needs) (?:is )?(?P<p>a (?:real |good |proper )?(?:man|dick|"
            r"husband|beating|slap|smack)|to be (?:put in their place|beaten|slapped|raped))",
            rf"\b(?:what is|whats|what's|what) the (?P<p>point|use) (?:of|in) {G}",
            rf"{G}(?: \S+){{0,1}} (?:are|is) (?P<p>behind|the cause of|to blame for) "
            r"(?:every|all|the|our|most) (?:\S+ )?(?:war|wars|problems?|crimes?|evil|everything|"
            r"troubles?|disease|diseases|decline|ills)\b",
            rf"\b(?P<n>nothing|no one|nobody|none) (?:is |are )?(?P<p>worse|lower|dumber|uglier|"
            rf"more disgusting|more pathetic|more useless|filthier|lazier) than (?:{_FILL} ){{0,3}}{G}",
            rf"{G}(?: \S+){{0,3}} (?P<p>(?:know|learn|remember|stay in|be put in|be kept in) "
            r"(?:their|its|your) place)",
            rf"\bput (?:{_FILL} ){{0,4}}{G} (?P<p>in (?:their|its) place)",
            rf"{G}(?: \S+){{0,1}} (?P<p>all look the same|are all the same|smell|stink|are a "
            r"plague|are a burden|are a drain|are a cancer|are a disease)\b",
            rf"\b(?:i'd|i would|i will|i'll) (?:never|rather die than) (?P<p>hire|date|trust|vote "
            rf"for|rent to|work with|marry|touch|sit next to) (?:{_FILL} ){{0,4}}{G}",
        ),
    )
    emotion = PatternFamily(
        "hate",
        "hatred or contempt expressed toward a protected group",
        c(
            rf"\b(?P<p>{emo})\b(?: {_FILL}){{0,4}} {G}",
            rf"\b(?P<p>to hell with|screw|down with|fuck off|away with) (?:{_FILL} ){{0,4}}{G}",
            rf"{G}(?: \S+){{0,2}} (?:can|should|must) (?P<p>go to hell|fuck off|get fucked|burn in"
            r" hell|rot in hell|piss off)",
        ),
        triggers=frozenset(emotion_triggers),
    )
    negated_positive = PatternFamily(
        "negated-positive",
        "a statement denying a protected group's worth, rights or humanity",
        c(
            rf"{G}(?: \S+){{0,3}}? (?P<n>{negator})(?: \S+){{0,5}}? (?P<p>{pos})\b",
            rf"\b(?P<n>{negator})(?: \S+){{0,2}}? (?P<p>{posv})(?: {_FILL}){{0,3}} {G}",
            rf"\b(?P<n>no) {G}(?: \S+){{0,4}}? (?P<p>{pos})\b",
            rf"{G}(?: \S+){{0,2}}? (?P<n>{negator})(?: real| actual| true| proper)? (?P<p>qqg)",
            rf"\b(?P<n>never) (?P<p>trust|hire|believe|respect|like) (?:{_FILL} ){{0,4}}{G}",
        ),
        negatable=False,
        triggers=frozenset(firsts(w["negators"]) | {"no", "never"}),
    )
    return (threat, dehumanise, derogate, emotion, negated_positive)


COUNTER_SPEECH = tuple(
    re.compile(p)
    for p in (
        r"\b(?:stop|quit|stopped|enough with) (?:\w+ )?(?:saying|calling|claiming|pretending|"
        r"telling|spreading|posting|using|acting like|treating|comparing|the)\b",
        r"\b(?:statements?|comments?|posts?|tweets?|remarks?|claims?|jokes?|things?|words?|"
        r"phrases?|slurs?|rhetoric|language|talk|messages?|views?|opinions?|ideas?|people|"
        r"stuff|crap|shit) (?:like(?! you\b| u\b| them\b| him\b| her\b)|such as|that say|saying"
        r"|claiming|calling)\b",
        r"\b(?:saying|claiming|calling|suggesting|implying|thinking|believing|pretending|to say|"
        r"to call|to claim|to suggest|to think|to pretend|the idea that|the claim that|the notion"
        r" that|the belief that|the view that|the lie that|the myth that|the stereotype that|"
        r"when people say|when you say|the way people)\b",
        r"\b(?:people|those|anyone|anybody|someone|somebody|everyone|everybody|whoever|folks|one"
        r"|men|guys|users|bigots|racists) (?:who|that) (?:\w+ ){0,2}(?:says?|said|thinks?|"
        r"thought|believes?|call|calls|called|claims?|hates?|hated|attacks?|attacked|harass(?:es)?"
        r"|hurts?|kills?|uses?|tweets?|posts?|spreads?|insists?|pretends?|would|threaten\w*"
        r"|abuse\w*|bully|bullies|mock\w*|treat|treats|discriminate\w*|dehumani[sz]e\w*)\b",
        r"\b(?:if|when|whenever) (?:you|someone|somebody|anyone|people|they|he|she|u) (?:\w+ )"
        r"{0,2}(?:say|says|think|thinks"
        r"|believe|believes|call|calls|claim|claims|feel|feels|hate|hates|compare|compares)\b",
        r"\b(?:no one|noone|nobody|never|don't|dont|do not|shouldn't|should not|can't|cannot|"
        r"must not|mustn't|won't|will not|wouldn't|would never|not) (?:\w+ ){0,2}(?:say|said|"
        r"call|use (?:the|that|this|such|those|these|slurs|words|language)|tolerate|accept|stand "
        r"for|put up with|repeat|okay to|ok to|fine to)\b",
        r"\b(?:the|that|this|a) (?:word|term|slur|phrase|expression|n-word|f-word|nword|fword|"
        r"label|r-word|insult)\b",
        r"\b(?:is|are|was|as|a) (?:a |an |such a |so )?(?:slurs?|racial slurs?|homophobic|"
        r"racist|sexist|transphobic|ableist|bigoted|derogatory|hate speech|hateful|offensive)\b",
        r"\b(?:called|calls|call|calling|named) (?:me|us|my \w+|myself)\b",
        r"\b(?:i was|we were|i've been|i have been|we've been|i got|we got|i get|i keep getting|"
        r"being|been|get|got) (?:\w+ )?called\b",
        r"\b(?:can't|cannot|don't|do not|couldn't|can not) believe (?:\w+ ){0,4}(?:said|says|"
        r"say|think|thinks|thought|wrote|posted|called|would)\b",
        r"\b(?:how|why) (?:can|could|would|do|does|did|is it|are) (?:you|anyone|someone|people|"
        r"they|he|she|some people|folks) (?:\w+ ){0,2}(?:say|think|believe|call|claim|write|"
        r"post|okay|ok|still)\b",
        r"\b(?:is|are|'s) (?:not|n't|never) (?:ok|okay|acceptable|fine|cool|funny|alright)\b",
        r"\bwhy (?:do|does|would|did|are|is) (?:people|some people|so many people|they|you|anyone"
        r"|folks|others|bigots) (?:\w+ )?(?:hate|despise|attack|mock|discriminate|dislike|fear|"
        r"hurt|insult|bully|harass|target)",
        r"\bwho (?:says|said|thinks|told you|decided)\b",
        r"\b(?:racism|sexism|homophobia|transphobia|bigotry|hate speech|ableism|misogyny|"
        r"islamophobia|antisemitism|xenophobia)\b",
    )
)

REPORTING = re.compile(
    r"\b(?:said|says|wrote|writes|posted|posts|tweeted|tweets|shouted|yelled|told|tells|"
    r"claimed|claims|keep saying|keeps saying|kept saying|screamed|heard|read|quote|quoted|"
    r"quoting|sign said|signs saying)\b"
)
CONDEMNATION = re.compile(
    r"\b(?:wrong|hurtful|unacceptable|racist|sexist|homophobic|transphobic|ableist|bigot|bigots|"
    r"bigoted|hateful|offensive|disgusting|appalling|shameful|ignorant|harmful|vile|awful|"
    r"terrible|horrible|gross|cruel|despicable|sad|sickening|outrageous|shocking|reported|"
    r"report|ban|banned|shame|upsetting|hurt|hurts|insulting|dehumani\w+|disgrace\w*|"
    r"condemn\w*|denounce\w*|not okay|not ok|unbelievable|horrifying|scary|frightening|"
    r"heartbreaking|sick|evil|messed up|fucked up|bullshit|nonsense|false|untrue|lie|lies|outdated"
    r"|backwards|old-fashioned|old fashioned|ignorant|harmful|toxic|problematic|uncalled for"
    r"|changed (?:her|his|their|my|our) minds?|no longer (?:thinks?|believes?|says?)|grew out of"
    r"|used to (?:think|believe|say)|disagree\w*|(?:don't|do not|dont) agree)\b"
)
QUOTED = re.compile(r"\"([^\"]{3,})\"|(?:^|[\s(:])'([^']{3,}?)'(?=[\s.,!?):;]|$)")
