"""More rule-3 patterns (see :mod:`denial_patterns`): denial by what the regime supposedly does
('the DPRK feeds its people'), comparisons that belittle ('nicer than hotels', whataboutism),
witnesses said to have invented their accounts, and the ways people rebut or report denial
that the first set missed ('... my uncle says, but he's wrong', 'Claiming X is an insult').
"""

from __future__ import annotations

import re

from bot.moderation.domain.denial_patterns import (
    CAMP,
    DENIAL,
    MOCKERY,
    NEEDS_TOPIC,
    NK_SUBJECT,
    SMEAR,
    TOPIC,
)
from bot.moderation.domain.phrases import word_set

_WITNESSES = (
    r"(?:defectors?|survivors?|refugees|escapees|witnesses|victims|former prisoners|camp "
    r"survivors|these people|those people|so called survivors|so called defectors)"
)
_SOURCES = (
    r"(?:cia|western|us|american|media|hollywood|tabloid|nis|south korean|seoul|washington"
    r"|imperialist|yankee|liberal|ngo|state department|anti dprk)"
)
_MADE_UP = (
    r"(?:made up|make up|makes up|invented|invent|invents|fabricated|fabricate|fabricates|faked"
    r"|fake|cooked up|dreamed up|embellished|embellish|exaggerated|exaggerate|exaggerates"
    r"|scripted)"
)
_BELITTLE = (
    r"(?:blown out of proportion|overhyped|over hyped|overblown|exaggerated|inflated|overstated"
    r"|garbage|rubbish|trash|bogus|bunk|baloney|crap|nonsense|bullshit|hogwash|horseshit)"
)

TRIGGERS: dict[re.Pattern[str], tuple[frozenset[str], ...]] = {}


def _triggered(*specs: tuple[str, str | tuple[str, ...]]) -> tuple[re.Pattern[str], ...]:
    """Compile patterns, each with trigger word lists: the sentence must contain a word of every
    list before the regex runs (a set test; the regexes embed long alternations)."""
    compiled: list[re.Pattern[str]] = []
    for pattern, triggers in specs:
        regex = re.compile(pattern)
        lists = (triggers,) if isinstance(triggers, str) else triggers
        TRIGGERS[regex] = tuple(word_set(t) for t in lists)
        compiled.append(regex)
    return tuple(compiled)


EXTRA_DENIAL = _triggered(
    (
        rf"\b(?:dprk|north korea|nk|pyongyang|the country|the regime) (?P<p>(?:doesn't|does not"
        r"|doesnt|did not|didn't|didnt|has never|have never|never) (?:have|had|has)(?: any| a)?)"
        rf" (?:\S+ ){{0,1}}{TOPIC}\b",
        (
            "dprk korea nk pyongyang country regime",
            "doesn't does doesnt did didn't didnt has have never",
        ),
    ),
    (
        rf"\b{NK_SUBJECT} (?:\S+ )?(?P<p>(?:feeds|fed|has always fed|takes care of|took care of"
        r"|looks after|looked after|provides for|provided for) (?:all )?(?:its|it is|their|the) "
        r"(?:people|citizens|population))\b",
        ("feeds fed care after provides provided"),
    ),
    (
        rf"\b{TOPIC}(?: \S+){{0,6}}? (?:is|are|was|were|being|been|got|get) (?:\S+ ){{0,4}}?"
        rf"(?P<p>{_BELITTLE})\b(?! for| to (?:read|watch|hear))",
        (
            "blown overhyped over overblown exaggerated inflated overstated garbage rubbish trash "
            "bogus bunk baloney crap nonsense bullshit hogwash horseshit"
        ),
    ),
    (
        rf"\b{TOPIC}(?: \S+){{0,2}}? (?:is|are|was|were) (?:just |only |simply |merely |really )?"
        r"(?:a |an )?(?P<p>(?:minor|small|tiny|local|temporary) (?:\S+ )?(?:shortage|problem|"
        r"issue|hiccup|incident|thing|dip))\b",
        ("minor small tiny local temporary"),
    ),
    (
        rf"\b(?:that is|that's|it is|this is|these are|those are|they are|all) (?:just |all |pure |"
        rf"total |complete |more |typical )*(?:{_SOURCES} )(?P<p>nonsense|lies|propaganda|fiction"
        r"|fantasy|fairy tales?|fairytales?|stories|story|narrative|psyop|inventions?|bullshit"
        r"|garbage|rubbish|talking points?)\b",
        (
            "nonsense lies propaganda fiction fantasy fairy fairytale fairytales tale tales "
            "stories story narrative psyop invention inventions bullshit garbage rubbish talking",
            "cia western us american media hollywood tabloid nis south seoul washington "
            "imperialist yankee liberal ngo state anti",
        ),
    ),
    (
        rf"^(?=.*?\b{TOPIC}\b).*?\b(?P<p>(?:nobody|no one|noone|none of them) (?:is|was|were|gets"
        r"|got|has been|ever gets|ever got|ever was) (?:ever |really |actually )?(?:punished|"
        r"harmed|hurt|mistreated|jailed|killed|abused|persecuted|beaten|sent to (?:a |the )?"
        r"camps?))\b",
        (
            "nobody no noone none",
            "punished harmed hurt mistreated jailed killed abused persecuted beaten sent",
        ),
    ),
    (
        rf"\b(?:{TOPIC}|camps?|prisons?)(?: \S+){{0,2}} (?:only |just )(?P<p>exists? in (?:the )?"
        r"(?:hollywood|movies|films|fiction|propaganda|your imagination|the imagination|imagination"
        r"|novels|books|fantasy|cia|western media|the media|media|tabloids|dreams|minds|heads?)"
        r"(?: \S+)?)",
        ("exist exists existed", "only just"),
    ),
    (
        rf"\b(?:every|all|all the|each|any) (?:single )?(?:story|stories|claim|claims|report|"
        r"reports|account|accounts|testimony|testimonies|rumou?rs?)(?: \S+){0,4}? (?:comes?|came"
        r"|originates?|is|are) (?:from|out of|invented by|made by|funded by|paid by|made up by) "
        rf"(?:the )?(?P<p>{_SOURCES})\b",
        ("every all each any", "from out by"),
    ),
)
EXTRA_SMEAR = _triggered(
    (
        r"\b(?P<p>(?:the )?defectors (?:will|would|just|all) (?:\S+ )?(?:say|do|invent|claim) "
        r"anything (?:for|to get|to sell|if))",
        ("anything", "defectors"),
    ),
    (
        rf"\b(?P<p>{_WITNESSES} (?:\S+ )?(?:only |just |all |always )?(?:lie|lied|lying|are lying)"
        r" (?:to get|for|so they|to make|to sell|because))",
        ("lie lied lying"),
    ),
    (
        rf"\b(?P<p>{_WITNESSES}(?: \S+){{0,2}}? (?:all |just |only |simply |obviously )?"
        rf"{_MADE_UP} (?:their|the|these|those|all|it|this|everything|stories|things|stuff|"
        r"shit|it all)\b(?:(?: \S+){0,3} (?:to sell|for money|for attention|for fame|to get paid"
        r"|for cash|for clout|to get asylum|for asylum|books?))?)",
        (
            "made make makes invented invent invents fabricated fabricate fabricates faked fake "
            "cooked dreamed embellished embellish exaggerated exaggerate exaggerates scripted"
        ),
    ),
    (
        r"\b(?:you mean|more like|aka|a k a|i mean|read|translation) (?:the )?(?P<p>(?:paid |"
        r"professional |cia |hired |nis )?(?:storytellers|story tellers|actors|liars|grifters|"
        r"frauds|con artists|scammers|propagandists|traitors))\b",
        "storytellers story actors liars grifters frauds con scammers propagandists traitors",
    ),
)
EXTRA_MOCKERY = _triggered(
    (
        rf"\b(?:{TOPIC}|prisons?|detention centers?|detention centres?|jails?)(?: \S+){{0,4}}? "
        r"(?:are|is|were|was) (?:\S+ ){0,2}?(?P<p>(?:nicer|better|more comfortable|cleaner|"
        r"comfier|cozier|more luxurious) than (?:a |an |most |our |any )?(?:hotels?|resorts?|"
        r"hostels?|spas?|home|us prisons|american prisons|western prisons|our prisons|college"
        r"|dorms?))\b",
        ("nicer better more cleaner comfier cozier", "than"),
    ),
    (
        rf"\b{TOPIC}(?: \S+){{0,5}}? (?:only|just) (?:happen|happens|happened|apply|applies|go"
        r"|goes) (?:to|for) (?P<p>(?:traitors|criminals|bad people|spies|enemies|terrorists|the "
        r"guilty|people who deserve it))\b",
        ("only just", "happen happens happened apply applies go goes"),
    ),
    (
        rf"\b{TOPIC}(?: \S+){{0,8}} (?P<p>as (?:they|it) should(?: be)?|as it should be|and "
        r"rightly so|rightly so)\b",
        ("should rightly"),
    ),
    (
        rf"\b(?:prisons?|camps?|{TOPIC})(?: \S+){{0,3}} (?:are|is|were|was) (?:just |basically |"
        r"only |simply |really |actually |like )?(?:a |an )?(?P<p>(?:reform|re education|"
        r"reeducation|boarding|summer|holiday|training) (?:schools?|camps?|programs?)|schools?|"
        r"summer camps?|holiday camps?|vacations?|resorts?|hotels?|spas?)\b",
        (
            "school schools vacation vacations resort resorts hotel hotels spa spas summer "
            "holiday reform boarding training reeducation education"
        ),
    ),
    (
        r"\b(?P<p>(?:people|the people|they|prisoners|inmates) in (?:the |those |these )?"
        r"(?:camps?|prisons?|gulags?|kwanliso) (?:deserve|deserved|earned|belong) (?:to be "
        r"there|it|their place|to rot|to be in there|what they get|what they got))\b",
        ("deserve deserved earned belong"),
    ),
    (
        rf"\b(?:{TOPIC})(?: \S+){{0,6}} (?P<p>(?:should|shouldn't|should not) have (?:worked|"
        r"tried|farmed|planned|saved) (?:harder|more|better))\b",
        ("should shouldn't", "worked tried farmed planned saved"),
    ),
    (
        r"\b(?P<p>(?:should|shouldn't|should not) have (?:worked|tried|farmed) (?:harder|more|"
        r"better))\b(?: \S+){0,4} (?:lol|lmao|haha)?",
        ("should shouldn't", "worked tried farmed"),
    ),
    (
        rf"\b(?:{TOPIC}) (?:were|was|are|is) (?:just |all |simply |only )?(?P<p>(?:weak|lazy|"
        r"stupid|dumb|idiots|losers|pathetic|too weak|natural selection))\b",
        ("weak lazy stupid dumb idiots losers pathetic natural"),
    ),
    (
        r"\b(?P<p>(?:imagine|lol|lmao|haha) (?:\S+ )?(?:believing|buying|falling for) (?:the |"
        r"those |these |any )?(?:\S+ )?(?:stories|story|claims|lies|propaganda|hoax))\b",
        ("believing buying falling"),
    ),
    (
        r"\b(?P<p>(?:what about|whatabout|look at) (?:the )?(?:us|usa|america|american|the west"
        r"|western|uk|british|south korea|south korean|israel|china|your own)(?: \S+){0,2}? "
        r"(?:prisons?|jails?|camps?|prison system|incarceration|torture|police|cops|homeless\w*"
        r"|poverty|hunger|slavery|abuses|human rights|internment camps?|detention centers?)"
        r"|(?:what about|whatabout|look at) (?:the )?(?:guantanamo|gitmo|abu ghraib))\b"
        r"(?!.*\b(?:but|however|although|though|yet|still)\b)",
        ("what whatabout look", "about at whatabout"),
    ),
    (
        r"\b(?:us|usa|america|the west|american|western|uk|south korea)(?: \S+){0,2} (?:has|have"
        r"|had|is|are) (?P<p>worse (?:prisons|camps|human rights|jails|records?|abuses|poverty|"
        r"hunger|than))(?!.*\b(?:but|however|although|though|yet|still)\b)",
        ("worse"),
    ),
    (
        rf"\b(?P<p>stop (?:whining|crying|complaining|moaning|bitching|obsessing|worrying) about)"
        rf"(?: \S+){{0,3}} {TOPIC}",
        ("stop"),
    ),
    (
        r"\b(?:return|returning|returned|send|sending|sent|deport|deporting|deported|repatriat\w*"
        r"|punish\w*|execut\w*|lock\w* up|jail\w*|imprison\w*|returning them)\b(?: \S+){0,8}? "
        r"(?P<p>nothing wrong with (?:that|it|this|doing that|doing so))\b",
        ("nothing", "wrong"),
    ),
    (
        r"\b(?P<p>deserves? (?:everything|all|whatever|what|any) (?:\S+ ){0,2}?(?:they (?:get|got"
        r"|gets|receive|received)|(?:is |was )?coming to them|comes to them|happens to them|"
        r"happened to them))",
        "deserve deserved deserves",
    ),
    (
        rf"\b(?P<p>who (?:even |really |honestly |actually |tf |the fuck )?(?:cares|gives a (?:shit"
        rf"|fuck|damn))|(?:nobody|no one) (?:even |really )?cares)\b(?: \S+){{0,6}} {TOPIC}",
        "cares gives",
    ),
)

# Camps played down as an everyday workplace or home, with a minimiser: 'kwanliso are
# basically farms with a fence'. Without one ('the camps are farms and mines where ...') the
# sentence may be describing them.
_MINIMISER = (
    r"(?:just|basically|only|simply|merely|essentially|nothing more than|little more than"
    r"|glorified)"
)
_EVERYDAY_PLACES = (
    r"(?:farms?|communes?|factory|factories|dorms?|dormitory|dormitories|workplaces?|jobs?"
    r"|retreats?|rehab|campuses|kibbutz\w*|work programs?|labou?r programs?)"
)
EXTRA_MOCKERY = (
    *EXTRA_MOCKERY,
    *_triggered(
        (
            rf"\b(?:{CAMP}|{TOPIC})(?: \S+){{0,3}}? (?:are|is|were|was)"
            rf" (?:{_MINIMISER} )+(?:a |an )?(?P<p>(?:\S+ )?{_EVERYDAY_PLACES})\b"
            # '... basically farms where prisoners are worked to death' describes them.
            r"(?! (?:where|in which|run|worked|of|for|using|with (?:slave|forced)))",
            (
                "just basically only simply merely essentially nothing little glorified",
                "farm farms commune communes factory factories dorm dorms dormitory dormitories "
                "workplace workplaces job jobs retreat retreats rehab campuses kibbutz kibbutzim "
                "programs program",
            ),
        ),
        # The shrug after naming the crisis: 'so a few traitors are in re-education, who cares'.
        (
            rf"\b{TOPIC}(?: \S+){{0,8}} (?<!said )(?<!says )(?<!saying )(?<!like )(?P<p>who (?:even |really )?cares|so what|big deal|boo hoo"
            r"|boohoo|cry me a river|get over it|who gives a (?:shit|fuck|damn))$",
            "cares what deal hoo boohoo river over gives",
        ),
    ),
)

ALL_DENIAL = (*DENIAL, *EXTRA_DENIAL)
ALL_MOCKERY = (*MOCKERY, *EXTRA_MOCKERY)
ALL_SMEAR = (*SMEAR, *EXTRA_SMEAR)
ALL_NEEDS_TOPIC = NEEDS_TOPIC | frozenset(
    p for p in (*EXTRA_DENIAL, *EXTRA_MOCKERY, *EXTRA_SMEAR) if TOPIC in p.pattern
)

# Rebuttals and reports of denial beyond denial_patterns.REBUTTAL.
MORE_REBUTTAL = re.compile(
    r"\b(?:(?:he|she|they|you|that|this|he's|she's|they're|you're|that's|whoever says that)"
    r" (?:is |are |was |were )?(?:dead |so |just |completely |totally |simply |clearly )?"
    r"(?:wrong|mistaken|lying|delusional|misinformed|full of it)"
    r"|(?:keep|keeps|kept|still|always) (?:saying|claiming|insisting|pretending|repeating)"
    r"|stop (?:calling|saying|claiming|pretending|denying|spreading|repeating|acting like)"
    # 'stop spreading lies about them' is the denier's own line, not a rebuttal.
    r"(?! (?:\S+ )?(?:lies|lie|propaganda|myths?|fake|hoax\w*|liars|nonsense|bs|bullshit"
    r"|fairy ?tales?|misinformation|fiction|stories))"
    r"|^(?:claiming|saying|pretending|suggesting|arguing|insisting|denying|to say|to claim|to "
    r"pretend|calling)\b|(?:is|are|was) (?:an )?(?:insult|offensive|insulting|disrespectful|a "
    r"slap in the face) to (?:the )?(?:victims|survivors|families|people|those)"
    r"|(?:says|said|claims|claimed|told me|tells me|wrote|writes|insists|insisted)(?: that)?"
    r"(?: \S+)?,? but\b"
    r"|(?:some|many|people|tankies|they) (?:say|said|claim|claimed|argue|think)(?: that)? "
    r"(?:\S+ ){1,6}(?:but|however)\b)"
)
# A short sentence that contradicts the one before: 'Tankies say it was exaggerated. It's not.'
CONTRADICTS_PREVIOUS = re.compile(
    r"^(?:but )?(?:it is not|it's not|its not|it isn't|it wasn't|it was not|they are not|they're "
    r"not|they aren't|not true|false|wrong|nope|no it (?:is|was)n't|no it (?:is|was) not|that is "
    r"(?:false|wrong|not true|a lie|nonsense)|that's (?:false|wrong|not true|a lie|nonsense)|it "
    r"(?:did|does) happen|it happened|they (?:do|did) exist|they exist|(?:it was|it is|they are)"
    r" (?:very |all too )?real)\b(?: at all)?\W*$"
)
