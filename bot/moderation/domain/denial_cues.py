"""Rule-3 cues of casual online denial (see :mod:`detectors_denial`): doubt memes and sarcasm
('press X to doubt', 'yeah sure', '/s'), dismissive words beyond those of
:mod:`denial_patterns` ('fanfic', 'talking point', 'people overreact'), claims that the country
has plenty of food in a message about the famine, witnesses said to follow a script or to say
anything for money, and the reported speech ('a guy on reddit said ...') that marks a sentence
as quoting denial rather than making it.
"""

from __future__ import annotations

import re

from bot.moderation.domain.denial_patterns import CORE_TOPIC_RE, NEGATORS
from bot.moderation.domain.phrases import canonical_words, word_set

# A sentence that only voices disbelief, in a message that names the crisis: 'Starvation in
# North Korea? Press X to doubt.' Matched against a whole canonical sentence.
DOUBT_SENTENCE = re.compile(
    r"^(?:(?:lol|lmao|haha|ok|okay|yeah|yea|sure|right|and|oh|pfft) )*"
    r"(?:press x to doubt|x to doubt|x doubt|doubt it|doubt|i doubt it|highly doubt it|sure jan"
    r"|give me a break|gimme a break|give it a rest|cope|copium|next|nice try|good one|yeah right"
    r"|yea right|riight|riiight|suuure|as if|sure buddy|ok buddy|okay buddy|ok boomer|cry more"
    r"|big if true|source trust me bro|trust me bro|wake up|wake up sheeple|do your own research"
    r"|dyor|ok sure|okay sure|big whoop|whoop de doo|so what|and)"
    r"(?: (?:lol|lmao|haha|bro|dude|mate|buddy|man))?$"
)
# Sarcasm that frames what follows as absurd: 'Yeah sure, and the camps have gas chambers too.'
# Checked on the plain text ('/s' is not a word).
SARCASM = re.compile(
    r"(?:^|\s)/s\b|^(?:yeah|yea|oh) sure\b|^sure,? and\b|\bpress x to doubt\b|\bsure jan\b"
    r"|\boh no+,? (?:anyway|the horror)\b"
)
# Dismissive phrases for the broad net (a sentence naming the crisis with one of them).
DISMISSIVE_PHRASES = re.compile(
    r"\b(?P<p>fan ?fic\w*|fan fiction|talking points?|same script|scripted|rehearsed|coached"
    r"|copy pasted?|larp\w*|overreact\w*|drama queens?|nothing more|no worse than|book deals?"
    r"|for clout|copium|hollywood script|a movie plot|sob stor(?:y|ies)|cry harder"
    r"|get over it|just move on|ancient history|nothing wrong (?:there|here|with (?:it|that|this))"
    r"|keeps? (?:people|them|everyone) in line|necessary evil|for their own good"
    r"|(?:are|were) (?:just |only |simply |all |really )?economic migrants"
    r"|not (?:real )?victims|slap on the wrist|exa?g+e?r+at\w*|prop[ao]g[ae]n?d+a|big whoop"
    r"|whoop de doo|like everywhere else|like (?:any|every) other country|every country (?:does"
    r"|has|deports|executes|does it)|deports? illegals|(?:rapists|murderers) and (?:rapists"
    r"|murderers|thieves))\b"
)
# A sentence needs one of these words before DISMISSIVE_PHRASES runs (a set test per sentence).
PHRASE_TRIGGERS = word_set(
    """fan fanfic fanfics fanfiction fiction talking point points same script scripted
    rehearsed coached copy larp larping larps larper larpers overreact overreacting overreacts
    overreacted overreaction drama nothing worse book deal deals clout cope copium movie sob
    cry get move ancient necessary own economic victims slap whoop everywhere other every
    illegals rapists murderers"""
)
# Misspelt 'exaggerated' and 'propaganda' ('exagerated', 'propoganda') also open the phrase net.
TYPO_PREFIXES = ("exag", "exxag", "propog", "propag")
# A token of 'a b c' starts with one of them where ' a b c' holds it after a space.
_SPACED_TYPOS = tuple(" " + prefix for prefix in TYPO_PREFIXES)
SARCASM_TRIGGERS = word_set("yeah yea oh sure press jan no noo")
# Crisis words the broad net may pair with those phrases, beyond denial_patterns.CORE_TOPIC_RE.
MORE_CORE_TOPIC = word_set(
    """detention detained detainees hunger malnutrition prisoners prison prisons stories story
    testimony testimonies accounts refugees escapees hungry"""
)
# 'They have the best food security in Asia', 'everyone there eats plenty of meat': only read
# in a message that names the famine, hunger or starvation (FAMINE).
FAMINE = re.compile(
    r"\b(?:famine|famines|starvation|starving|starve|starved|hunger|hungry|malnutrition"
    r"|malnourished|arduous march|food shortages?)\b"
)
ABUNDANCE = re.compile(
    r"\b(?:they|north korea|nk|dprk|the dprk|people there|north koreans|everyone|everybody"
    r"|koreans|the people|pyongyang)(?: \S+){0,2} (?:have|has|got|eat|eats|get|gets)"
    r" (?:\S+ ){0,2}?(?P<p>(?:the best|plenty of|more than enough|enough|lots of|tons of|so much"
    r"|a lot of|great|excellent|better|abundant)(?: \S+)? (?:food|rice|meat|to eat|food security"
    r"|harvests?|nutrition|meals))\b"
)
ABUNDANCE_TRIGGERS = word_set("food rice meat eat security harvest harvests nutrition meals")
# Witnesses said to say anything for money: 'defectors will say literally anything for a book
# deal'.
SAY_ANYTHING = re.compile(
    r"\b(?P<p>(?:defectors?|survivors?|refugees|escapees|witnesses|these people|those people)"
    r"(?: \S+){0,3} (?:say|do|invent|claim|write|sell|tell) (?:\S+ ){0,2}?anything"
    r"(?: \S+){0,2} (?:for|to get|to sell|if))"
)
# Reported speech: the sentence quotes someone else's denial ('A guy on reddit said the camps
# are a myth.'), unless the message agrees with it.
REPORTED = re.compile(
    r"\b(?:a guy|some guy|this guy|one guy|some dude|a dude|someone|somebody|a friend|a user"
    r"|a commenter|a poster|a coworker|a tankie|tankies|china|beijing|the chinese government"
    r"|chinese authorities|the authorities|officials|my (?:\w+ )?(?:uncle|aunt|dad|father"
    r"|mom|mother|brother|sister|friend|cousin|teacher|professor|boss|coworker|colleague|"
    r"grandpa|grandma|roommate|neighbou?r)|an article|a video|a post|a tweet|a comment)"
    r"(?: \S+){0,4} (?:said|says|told me|tells me|claimed|claims|posted|wrote|writes|tweeted"
    r"|insisted|insists|argued|argues|thinks|thought|believes|swears|keeps saying|calls"
    r"|called|considers|treats|treated|views|regards|maintains)\b"
)
ENDORSED = re.compile(
    r"\b(?:(?:he|she|they|he is|she is|they are|and) (?:is |are |was |were )?(?:totally |so |"
    r"absolutely |completely )?right|i agree|agreed|exactly|true that|facts|based)\b"
)


# Mocking those who believe the accounts: 'ppl who believe the gulag stuff are so gullible'.
# (denial_patterns.REBUTTAL reads 'people who believe ...' as a rebuttal, so this is checked
# on its own, and not when what they believe is itself a denial.)
MOCKS_BELIEVERS = re.compile(
    r"\b(?:anyone|anybody|people|ppl|those|folks|you|whoever|everyone) (?:who|that) (?:still )?"
    r"(?:believes?|buys?|falls? for|trusts?|swallows?)\b(?P<what>(?: \S+){1,8}?) (?:is|are|must be)"
    r" (?:\S+ )?(?P<p>gullible|naive|sheep|brainwashed|idiots|morons|clowns|suckers|stupid|dumb"
    r"|delusional|npcs)\b"
)
BELIEVERS_TRIGGERS = word_set(
    "gullible naive sheep brainwashed idiots morons clowns suckers stupid dumb delusional npcs"
)
BELIEVED_DENIAL = re.compile(
    r"\b(?:not|no|never|don't|dont|fake|hoax|lies?|propaganda|myths?|regime|kcna|state media)\b"
)
# A denial named as a quoted claim: "the 'defectors are paid' argument is lazy".
QUOTED_CLAIM = re.compile(
    r"['\"\u2018\u201c][^'\"\u2019\u201d]{3,80}['\"\u2019\u201d] (?:argument|claim|trope"
    r"|narrative|line|take|theory|excuse|talking point|myth|nonsense|crowd)s?\b"
)
# Laughing at those who defend the camps, not at the victims.
AT_DEFENDERS = re.compile(
    # not a disclaimer ('I'm not defending the government, but ...', 'not a tankie, just ...')
    # (the lookahead first: the lookbehinds are tried only where a word of the list starts)
    r"\b(?=tank|defend|apolog|denier|simp)(?<!not )(?<!not a )(?<!not an )(?<!n't )(?<!never )"
    r"(?:tankies?|defending|defend|defends|defenders|apologists?|deniers?|simps?|simping)\b"
    # ... not a state 'defending itself' ('I see a country defending itself'): that excuses
    r"(?! (?:itself|themselves|its|their own))"
)


def mocks_believers(words: str) -> str | None:
    """'People who believe the camp stories are gullible', unless what they believe is a
    denial or the regime ('people who believe KCNA are naive')."""
    if BELIEVERS_TRIGGERS.isdisjoint(words.split(" ")):
        return None
    match = MOCKS_BELIEVERS.search(words)
    if match is None or BELIEVED_DENIAL.search(match.group("what")):
        return None
    return match.group("p")


# A quoted passage (double quotes, or single quotes that are not apostrophes).
_QUOTED = re.compile(
    r"[\"\u201c\u201d]([^\"\u201c\u201d]{3,200})[\"\u201c\u201d]"
    r"|(?:^|(?<=[\s(:]))['\u2018]((?:[^'\u2018\u2019]|(?<=\w)['\u2019](?=\w)){3,200})['\u2019](?=\W|$)"
)


def mentions_quoted(sentence: str, predicate: str) -> bool:
    """Whether the claim's predicate lies inside a quoted claim of three words or more: the
    speaker mentions the claim ('the "famine is a hoax" blog post', 'A delegate said "reports
    are exaggerated"'), not makes it. A scare-quoted word ('the "camp survivor" stories are
    lies') is not a quoted claim."""
    for match in _QUOTED.finditer(sentence):
        quoted = canonical_words(match.group(1) or match.group(2))
        if quoted.count(" ") >= 2 and f" {predicate} " in f" {quoted} ":
            return True
    return False


def quoted_claim(plain: str) -> bool:
    """Whether a plain sentence names a quoted claim as a claim ('the "X" argument')."""
    return QUOTED_CLAIM.search(plain) is not None


# Minimising abuses in a message that names them: 'Torture? Lol they just slap a few thieves.'
MINIMISE = re.compile(
    r"(?<!not )(?<!don't )(?<!dont )(?<!doesn't )(?<!didn't )\b(?:just|only|merely|simply)"
    r" (?P<p>(?:slap|slaps|slapped|scold|scolds|scolded|spank\w*|fine|fines|fined|warn|warns"
    r"|warned|ground|grounded)(?: \S+){0,2}|(?:a few|a couple of|some) (?:petty )?(?:thieves"
    r"|criminals|crooks|bad apples|troublemakers|smugglers))\b"
)
MINIMISE_TRIGGERS = word_set(
    """slap slaps slapped scold scolds scolded spank spanks spanked spanking fine fines fined
    warn warns warned ground grounded thieves criminals crooks apples troublemakers smugglers"""
)


# Witnesses said to be in it for money or attention: 'defectors just want attention and money'.
IN_IT_FOR = re.compile(
    r"\b(?P<p>(?:defectors?|survivors?|refugees|escapees|witnesses)(?: \S+){0,2} (?:want|wants"
    r"|are after|are in it for|do it for|did it for|only care about|chase|chasing) (?:\S+ ){0,2}?"
    r"(?:attention|money|cash|fame|clout|asylum|book deals?|payouts?|handouts))\b"
)
IN_IT_FOR_TRIGGERS = word_set(
    "attention money cash fame clout asylum book books deal deals payout payouts handouts"
)
# A sentence that tells of a belief given up: 'I used to think the camps were exaggerated
# until I read Escape from Camp 14.'
RETRACTED = re.compile(
    r"\b(?:used to (?:think|believe)|until i (?:read|saw|watched|learned|met|talked|heard)|i was"
    r" wrong|changed my mind|no longer (?:think|believe)|i once (?:thought|believed))\b"
)
CONTRAST = re.compile(r"\b(?:but|however|although|though|yet|whereas)\b")


def in_it_for(words: str) -> str | None:
    """Witnesses said to want money or attention; a hedge ('some defectors') is checked by
    the caller."""
    if IN_IT_FOR_TRIGGERS.isdisjoint(words.split(" ")):
        return None
    match = IN_IT_FOR.search(words)
    return match.group("p") if match else None


def minimises(words: str) -> str | None:
    """'they just slap a few thieves': a sentence playing abuses down to nothing."""
    if MINIMISE_TRIGGERS.isdisjoint(words.split(" ")):
        return None
    match = MINIMISE.search(words)
    return match.group("p") if match else None


def doubt_sentence(words: str) -> str | None:
    """The doubt meme if a canonical sentence is only that ('press x to doubt')."""
    match = DOUBT_SENTENCE.match(words)
    return match.group(0) if match else None


def sarcastic(plain: str) -> str | None:
    """The sarcasm marker in a plain message or sentence, if any."""
    if "/s" not in plain and SARCASM_TRIGGERS.isdisjoint(plain.replace(",", " ").split()):
        return None
    match = SARCASM.search(plain)
    return match.group(0).strip() if match else None


def _typo_prefixed(spaced: str) -> bool:
    """``any(t.startswith(TYPO_PREFIXES) for t in words.split(" "))`` for ``spaced = " " +
    words``, by substring tests in C (no call per token)."""
    for prefix in _SPACED_TYPOS:  # noqa: SIM110 (no generator frame)
        if prefix in spaced:
            return True
    return False


def dismissive_phrase(words: str) -> str | None:
    """The first dismissive phrase of a canonical sentence ('talking point', 'fanfic')."""
    if PHRASE_TRIGGERS.isdisjoint(words.split(" ")) and not _typo_prefixed(" " + words):
        return None
    match = DISMISSIVE_PHRASES.search(words)
    return match.group("p") if match else None


def abundance_claim(words: str) -> str | None:
    """'They have plenty of food' in a canonical sentence; callers check the message names
    the famine and the sentence is not a question."""
    if ABUNDANCE_TRIGGERS.isdisjoint(words.split(" ")):
        return None
    match = ABUNDANCE.search(words)
    if match is None or re.search(r"\b(?:not|never|no|don't|doesn't|didn't)\b", words):
        return None
    return match.group("p")


def says_anything(words: str) -> str | None:
    """Witnesses said to say anything for money or attention."""
    if "anything" not in words:
        return None
    match = SAY_ANYTHING.search(words)
    return match.group("p") if match else None


def quotes_someone(words: str, message_words: str) -> bool:
    """Whether a sentence reports what someone else said and the message does not endorse it."""
    return REPORTED.search(words) is not None and ENDORSED.search(message_words) is None


# Every witness the message names smeared through a pronoun: 'Political prisoners in the DPRK?
# Name one that isn't a paid liar.' Only read in a message that names the crisis.
UNIVERSAL_SMEAR = re.compile(
    r"\b(?P<p>(?:name (?:one|a single one|even one)(?: of them)? (?:that|who|which) (?:isn't|is not"
    r"|isnt|wasn't|was not|ain't)|(?:they are|they're|theyre|they were) all|all of them (?:are|were)"
    r"|every (?:single )?one of them (?:is|was)) (?:a |an )?(?:\S+ )?(?:liars?|actors?|grifters?"
    r"|frauds?|scammers?|plants?|assets?|shills?|storytellers?))\b"
)
UNIVERSAL_SMEAR_TRIGGERS = word_set(
    "liar liars actor actors grifter grifters fraud frauds scammer scammers plant plants asset "
    "assets shill shills storyteller storytellers"
)


def universal_smear(words: str) -> str | None:
    """'name one that isn't a paid liar', 'they're all crisis actors': every witness a liar."""
    if UNIVERSAL_SMEAR_TRIGGERS.isdisjoint(words.split(" ")):
        return None
    match = UNIVERSAL_SMEAR.search(words)
    return match.group("p") if match else None


def phrase_cue(words: str) -> str:
    """A dismissive phrase ('talking point', 'fanfic') in a sentence naming the crisis, not
    negated in the four words before it ('it is not fanfic')."""
    phrase = dismissive_phrase(words)
    if phrase is None:
        return ""
    if CORE_TOPIC_RE.search(words) is None and MORE_CORE_TOPIC.isdisjoint(words.split(" ")):
        return ""
    at = words.find(phrase)
    if not NEGATORS.isdisjoint(words[:at].split(" ")[-5:]):
        return ""
    # 'Every country deports people, but sending defectors back means torture.'
    return "" if CONTRAST.search(words, at) else phrase
