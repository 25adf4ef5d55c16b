"""Rule-3 vocabulary and patterns: what the crisis is called, and how people deny, mock or
justify it, or rebut, report and question such claims. Used by :mod:`detectors_denial`."""

from __future__ import annotations

import re

from bot.moderation.domain.literal_gate import derive_gate, word_runs
from bot.moderation.domain.phrases import alt, word_set
from bot.moderation.domain.prefilter import prefiltered

TOPIC = alt(
    """famine famines starvation starving starve starved starves hunger arduous_march
    food_shortage food_shortages malnutrition malnourished camp camps prison_camp prison_camps
    labor_camps labour_camps labor_camp labour_camp gulag gulags kwanliso kyohwaso
    political_prisoners prisoners prisoner detention detained detainees torture tortured
    torturing tortures repatriation repatriated repatriate executions execution executed public_executions
    human_rights abuses abuse atrocities atrocity crimes_against_humanity defectors defector testimony
    testimonies refugees escapees persecution purges disappearances abductions abductees
    forced_labor forced_labour slave_labor slave_labour reeducation re_education warmbier
    coi_report un_report crackdown genocide humanitarian_crisis the_crisis mass_graves yodok
    hwasong kaechon chongori bukchang survivors witnesses
    concentration_camps concentration_camp deaths death_toll"""
)
CAMP = (
    r"(?:camps?|prisons?|gulags?|kwanliso|kyohwaso|yodok|hwasong|kaechon|chongori|bukchang"
    r"|labou?r camps?|prison camps?|camp \d+)"
)
NK_SUBJECT = (
    r"(?:north korea|the dprk|dprk|the regime|pyongyang|kim jong un|kim|the government|the "
    r"state|nk|the kims|the wpk|the party)"
)
NK = (
    r"(?:north korea|north koreans|north korean|dprk|nk|pyongyang|kim jong|kim il|juche|regime|traitors"
    r"|runaways|deserters)"
)
DISMISSIVE = alt(
    """lie lies lying hoax hoaxes myth myths fabrication fabrications fabricated made_up fake faked
    fiction fictional fairytale fairytales fairy_tale fairy_tales propaganda fake_news psyop psyops
    nonsense bullshit bs exaggerated overblown exaggeration exaggerations invented staged hype
    hysteria a_joke overstated fraud scam made_up_stories conspiracy invention bollocks
    cia_propaganda western_propaganda us_propaganda american_propaganda imperialist_propaganda
    south_korean_propaganda debunked fantasy fantasies imaginary hallucination fairy_story
    fake_stories made_up_nonsense nothing"""
)
FILL = (
    r"(?:all|just|a|an|pure|total|complete|utter|nothing but|mostly|largely|totally|simply"
    r"|basically|big|huge|massive|obviously|clearly|another|more|literally|only|the|some|one"
    r"|western|american|us|cia|south korean|imperialist|liberal|media|zionist|hostile|enemy"
    r"|yankee|funded|backed|sponsored|paid|manufactured|anti dprk|cia funded|cia backed)"
)

# The denial, mockery and smear patterns are records in bot/moderation/rules/rule3_denial.yaml
# (see denial_rules.py); this module keeps the vocabulary they share as macros and the
# exemption and cue patterns the detector checks around them.


# In a message about the crisis, a sentence that only waves it away ('Yeah right, total
# propaganda.') or denies it through a pronoun ('they don't exist') is denial too.
BARE_DISMISSAL = re.compile(
    r"^(?:(?:yeah right|yea right|sure|sure thing|lol|lmao|haha|nah|no way|ok|okay|right|as if|"
    r"please|oh please|come on|cmon|pfft|meh|riiight|yeah|yep|ha) )*"
    r"(?:(?:it is|that is|this is|its|thats|all|just|total|totally|pure|complete|more|typical"
    r"|western|cia|us|american|obvious|obviously|a|an|another|such|hollywood|media|tabloid|seoul"
    r"|south korean|imperialist|liberal|nis|washington|yankee|utter|absolute|classic) ){0,4}"
    r"(?P<p>lies|a lie|propaganda|fiction|fake news|fake|a hoax|hoax|a myth|myth|bullshit|bs|"
    r"nonsense|made up|fabricated|exaggerated|fairy tales?|a fairy tale|fantasy|exaggerations?|"
    r"an exaggeration|garbage|rubbish|hogwash|baloney|(?:cia|western|us|american|hollywood|media"
    r"|tabloid|seoul|nis|imperialist|propaganda) (?:story|stories|tales?|narrative|inventions?|"
    r"psyop|talking points?)"
    # Subject-less existence denial: 'Public executions in Pyongyang? Never happened.'
    r"|never happened|didn't happen|did not happen|never existed|doesn't exist|does not exist"
    r"|don't exist|do not exist|not real|never a thing)"
    r"(?: (?:by|from|of) (?:the )?(?:\S+ ){0,2}?(?:media|press|cia|west|us|usa|americans|seoul|"
    r"south koreans?|nis|tabloids|journalists|defectors|ngos|liberals|imperialists|yankees|"
    r"washington))?"
    r"(?: (?:lol|lmao|again|as usual|obviously|tbh|honestly|as always))?$"
)
PRONOUN_DENIAL = re.compile(
    r"\b(?:they|it|that|those|these|this|such camps|such things)(?: \S+){0,2} (?:don't|do not|"
    r"doesn't|does not|didn't|did not|never) (?:really |even |actually |ever )?(?P<p>exist|existed"
    r"|happen|happened|occur|occurred|took place)\b"
    r"|\b(?:they|it|that|this) (?:is|are|was|were) (?:all |just |a |an |total |pure |complete |"
    r"western |cia |us |more )*(?P<q>lies|a lie|a hoax|hoax|a myth|fake|propaganda|made up|"
    r"fabricated|fiction|bullshit|nonsense)\b(?! that| about)"
)
REGIME_SOURCE = re.compile(
    r"\b(?:kcna|rodong|state media|regime|pyongyang says|pyongyang claims|the government|"
    r"officials?|north korea says|north korea claims|dprk says|dprk claims|propaganda (?:says|"
    r"claims|shows)|uriminzokkiri|voice of korea|according to (?:pyongyang|north korea|the dprk"
    r"|dprk))\b"
)
LAUGH = re.compile(r"\b(?:lol|lmao|lmfao|rofl|roflmao|haha\w*|hehe\w*|xd|kek|lulz|jaja)\b")
SAD = re.compile(
    r"\b(?:horrif\w*|terrible|awful|tragic|sad|sadly|heartbreaking|disgusting|evil|appalling|"
    r"devastating|atrocious|sickening|horrible|grim|brutal|cruel|inhuman\w*|shocking|unbearable"
    r"|rip|pray|praying|condolences|sorry)\b"
)
REBUTTAL = re.compile(
    r"\b(?:deny|denies|denied|denying|denial|deniers?|denialists?|denialism|claims? that|claim to"
    r"|say that|(?:people|some|they|many|folks|users|tankies|someone|others|apologists|deniers)"
    r"(?: online| here| on twitter| on reddit)? (?:claim|claims|say|says|insist|insists|argue|"
    r"argues|pretend|pretends|(?:is|are|keeps|keep) (?:saying|claiming|posting|insisting))\b"
    r"|which is (?:absurd|ridiculous|wrong|false|nonsense|a lie|insane|"
    r"laughable|offensive|denial)|(?:people|those|anyone|some|folks|tankies) who (?:say|claim|"
    r"think|believe|insist"
    r"|deny|call|pretend)|(?:false|wrong|not true|a lie|absurd|ridiculous|insulting|offensive) "
    r"(?:to say |to claim |to pretend )?that|the (?:myth|lie|claim|idea|notion|narrative|argument"
    r"|conspiracy theory) that|debunk\w*|contrary to|despite (?:what|claims|the claims|their)|"
    r"ignor(?:e|es|ing) (?:the |all the )?evidence|evidence (?:shows|clearly|proves|is clear|is "
    r"overwhelming)|overwhelming evidence|satellite (?:images?|imagery|photos)|well documented|"
    r"documented|it did happen|did happen|(?:proved|proven|disproved|refuted|exposed) (?:to be |as "
    r")?(?:a |an )?(?:sheer |complete |total )?(?:lie|lies|false|fabrication)|regime (?:claims|says|insists|maintains|calls|denies|"
    r"propaganda|wants)|kcna (?:says|claims|calls|insists|denies|reports)|pyongyang (?:denies|"
    r"claims|says|insists|calls|maintains)|state media (?:says|claims|calls|insists|denies)|"
    r"north korea (?:denies|claims|says|insists|calls|maintains)|(?:the )?(?:dprk|government|"
    r"regime|officials?|authorities) (?:denies|deny|claims|claim|says|insists|calls|maintains|"
    r"denied|claimed|said)|apologists?|whitewash\w*|not (?:a )?(?:hoax|lie|myth|made up)|isn't"
    r" (?:a )?(?:hoax|lie|myth|propaganda|made up)|wasn't (?:a )?(?:hoax|lie|myth|made up)|(?:was"
    r"|is|are|were) (?:very |all too |horribly |absolutely )?real|stop (?:denying|pretending|"
    r"saying|claiming)|how can (?:anyone|you|people|they) (?:deny|say|claim|think|pretend)|can't"
    r" believe (?:people|anyone|some|you)|shameful that|propaganda (?:says|claims|calls)|"
    r"(?:they|he|she|some people|tankies|you) (?:keep |still )?(?:say|says|claim|claims|insist"
    r"|pretend|pretends) (?:that )?|testimon\w+ (?:show|shows|confirm|describe)|survivors? "
    r"(?:say|describe|report|testify|recall)|(?:un|coi|hrw|amnesty|report) (?:found|documents|"
    r"documented|confirms|shows|estimates))"
)
SOURCE_QUESTION = re.compile(
    r"\b(?:source|sources|evidence|proof|verify|verified|verification|reliable|credible|"
    r"credibility|how do we know|how do you know|is it true|is this true|citation|cite|link|"
    r"confirmed|confirm|independent|independently|estimate|estimates|numbers|figures?|census|accurate"
    r"|accuracy|trust|know for sure|account|report|reports|data|studies|study|research"
    r"|where (?:does|did|do) (?:\S+ ){1,4}come from|based on)\b"
)
HEDGE = re.compile(
    r"\b(?:some|a few|one|this|that|his|her|particular|specific|certain|individual|several|not "
    r"all|may|might|could|possibly|perhaps|probably|sometimes|occasionally|partly|partially|i "
    r"wonder|not sure|unclear|hard to verify|difficult to verify|can't be verified|cannot be "
    r"verified|unverified|disputed|inconsistent|retracted|recanted|estimates?|numbers|figures|"
    r"death toll|count|counts|specifics|details|exact|precise)\b"
)
SOFT_DISMISSIVE = ("exaggerat", "overblown", "overstated", "inflated", "lie", "lying")


TOPIC_RE = re.compile(rf"\b{TOPIC}\b")


def _first_words(alternation: str) -> set[str]:
    inner = alternation.strip("(?:)")
    return {option.replace("\\", "").split(" ")[0] for option in inner.split("|")}


GENERIC = frozenset(
    [
        "the",
        "un",
        "re",
        "human",
        "public",
        "mass",
        "forced",
        "political",
        "crimes",
        "food",
        "concentration",
        "slave",
        "death",
    ]
)
# Every pattern needs a topic word, a North Korea word or one of the extras.
GATE = frozenset(
    (_first_words(TOPIC) - GENERIC)
    | {"crisis", "rights", "graves", "education", "report"}
    | {"north", "dprk", "nk", "pyongyang", "kim", "juche", "traitors", "runaways", "deserters"}
    | {"regime", "wpk", "kims"}
    | {"cia", "fed", "starving", "camp", "camps", "defector", "defectors", "koreans"}
)
NK_RE = re.compile(rf"\b{NK}\b")
# Crisis words that only North Korea's crisis uses: with these or a North Korea name, 'camp'
# and 'starving' are about the crisis; without, they may be a summer camp or lunch.
NK_SPECIFIC = re.compile(
    r"\b(?:kwanliso|kyohwaso|yodok|gulags?|arduous march|defectors?|defected|escapees?|"
    r"repatriat\w*|political prisoners?|prison camps?|labou?r camps?|songbun|kotjebi|kkotjebi|"
    r"bowibu|jangmadang|public executions?|hwasong|kaechon|chongori|bukchang|korea\w*|koreans?"
    r"|kims?|juche|wpk|rodong|kcna|hamgyong|chongjin|hyesan|sinuiju|ryanggang|musan|onsong)\b"
)


def about_north_korea(words: str) -> bool:
    """Whether canonical words name North Korea or a crisis word only it uses."""
    return NK_RE.search(words) is not None or NK_SPECIFIC.search(words) is not None


# The broad net (DenialDetector._cue_hit) needs one of these core words in the sentence: the
# generic ones of TOPIC ('deaths', 'abuse', 'refugees') are too common in other news.
CORE_TOPIC_RE = re.compile(
    r"\b(?:famine|famines|starvation|starving|starved|arduous march|camps?|gulags?|kwanliso|"
    r"kyohwaso|torture|tortured|executions?|executed|repatriation|repatriated|political "
    r"prisoners?|atrocit(?:y|ies)|crimes against humanity|defectors?|survivors?|testimon(?:y|ies)"
    r"|yodok|hwasong|kaechon|chongori|bukchang|human rights|forced labou?r|reeducation|re "
    r"education)\b"
)
# Words that wave abuses away, and existence denials.
DISMISSIVE_WORDS = word_set(
    """lie lies lying liar liars hoax hoaxes myth myths fake faked fakes fabricated fabrication
    fabrications invented invention staged photoshopped doctored deepfake deepfakes actors
    manufactured fiction fictional fairytale fairytales fantasy fantasies propaganda psyop
    rumour rumours rumor rumors nonsense bullshit bs exaggerated exaggeration overblown overstated
    hype scam fraud paradise deserved lazy whining meme memes lol lmao haha hahaha fairy"""
)
NEGATORS = word_set(
    """not no never isn't isnt aren't arent wasn't wasnt weren't werent don't dont doesn't
    doesnt didn't didnt nor hardly"""
)
EXISTENCE_DENIAL = re.compile(
    rf"\bthere (?:has|have|had)? ?(?:never|not|no) (?:been |ever been )?(?:a |any |such |one )?"
    rf"(?:\S+ ){{0,2}}?(?P<p>{TOPIC}|crisis)\b"
    rf"|\b(?:no one|nobody|noone|not one person) (?:is|was|has been|ever was|were|gets|got) "
    rf"(?:ever )?(?:in|sent to|held in|locked in|put in) (?:a |any |the )?(?:\S+ ){{0,2}}?"
    rf"(?P<q>{TOPIC})\b"
    r"|\bthere (?:is|was|'s) no (?:humanitarian |real |such |food )?(?P<r>crisis|famine|"
    r"shortage|hunger)\b"
    r"|\b(?:not|never|wasn't|isn't) (?:a|an|really a|ever a) (?:real )?(?P<s>famine|genocide|"
    r"crisis|humanitarian crisis)\b(?! but| it was| it is)"
)


DISMISSAL_TRIGGERS = DISMISSIVE_WORDS | word_set(
    """exist existed happen happened occur occurred place lies lie propaganda fiction fake hoax
    myth bullshit bs nonsense fabricated exaggerated fairy fantasy exaggeration exaggerations
    garbage rubbish hogwash baloney story stories tale tales narrative psyop real"""
)


# Derived from TOPIC_RE (see literal_gate): one of these words is in every text it matches
# ('crisis' for 'the crisis', not 'the').
_TOPIC_GATE = derive_gate(TOPIC_RE)
# The same pattern with an RE2 twin asked first (prefilter.py): the same matches, and most
# sentences that pass the gate hold none.
_TOPIC_SEARCH = prefiltered(TOPIC_RE).search


def names_crisis(words: str) -> bool:
    """Whether canonical words name the crisis (TOPIC). A set test first: the regex, an
    alternation of some ninety phrases, costs microseconds per sentence."""
    if _TOPIC_GATE is not None and _TOPIC_GATE.isdisjoint(word_runs(words)):
        return False
    return _TOPIC_SEARCH(words) is not None


def mentions_topic(words: str) -> bool:
    """Whether canonical words name the crisis or North Korea."""
    return names_crisis(words) or NK_RE.search(words) is not None


# The hottest searches ask an RE2 twin first: the same matches (prefilter.py).
CORE_TOPIC_RE = prefiltered(CORE_TOPIC_RE)
LAUGH = prefiltered(LAUGH)
REBUTTAL = prefiltered(REBUTTAL)
SAD = prefiltered(SAD)
