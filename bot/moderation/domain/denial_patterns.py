"""Rule-3 vocabulary and patterns: what the crisis is called, and how people deny, mock or
justify it, or rebut, report and question such claims. Used by :mod:`detectors_denial`."""

from __future__ import annotations

import re

from bot.moderation.domain.phrases import alt, word_set

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

DENIAL = tuple(
    re.compile(p)
    for p in (
        rf"\b{TOPIC}(?: \S+){{0,4}} (?:never|did not|didn't|didnt|does not|doesn't|doesnt|do not"
        rf"|don't|dont|never really|never even) (?:really |actually |even )?(?P<p>happened|happen"
        r"|exist|existed|exists|occur|occurred|took place)\b",
        rf"\b(?P<p>(?:never|didn't|did not) happened?)\b(?: \S+){{0,6}} {TOPIC}",
        rf"\b{TOPIC}(?: \S+){{0,3}} (?:is|are|was|were) (?:not|never) (?P<p>real|true|happening|"
        r"a thing)\b",
        rf"\bthere (?:is|are|was|were) (?P<p>no|not any|not a single|never any|never been any|"
        rf"never been a|never a)(?: such)?(?: \S+){{0,2}} {TOPIC}",
        rf"\b(?P<p>no such (?:thing as )?(?:an? )?){TOPIC}",
        rf"\b(?:dprk|north korea|nk|pyongyang|the country|they|the regime) (?:has|have|had) "
        rf"(?P<p>no|never had any|never had|zero) (?:\S+ ){{0,1}}{TOPIC}",
        rf"\b{TOPIC}(?: \S+){{0,4}} (?:is|are|was|were|being) (?:{FILL} ){{0,3}}"
        rf"(?P<p>{DISMISSIVE})\b(?! like| short of| less than| but)",
        rf"\b(?P<p>{DISMISSIVE}) (?:about|of|on) (?:the )?(?:\S+ ){{0,2}}{TOPIC}",
        rf"\b(?P<p>so called|so-called|fake|imaginary|mythical|fictional|invented|made up|fabled"
        rf"|nonexistent|non-existent) {TOPIC}",
        r"\b(?P<p>(?:made up|invented|fabricated|exaggerated|staged|faked|cooked up|dreamed up) by"
        r" (?:the )?(?:cia|us|usa|west|western media|south korea|south koreans|south|seoul|media|"
        r"nis|defectors|americans|state department|ned|imperialists|yankees|the west|liberals|"
        r"the media|puppets))\b",
        r"\b(?:kim|kims|the kims|kim jong un|kim jong il|kim il sung|the regime|the dprk|the "
        r"government|pyongyang|juche)(?: \S+){0,2} (?:did|does|has done|have done) (?P<p>nothing "
        r"wrong)\b",
        r"\b(?P<p>cia (?:propaganda|psyop|lies|invention|fabrication|fairy tales?|narrative))\b",
        r"\b(?P<p>(?:nobody|no one|noone|not a single person|not one person) (?:(?:is|was|were|"
        r"has|have|had|ever|been|really|actually|gets|got|being|there) ){0,3}(?:starving|starved"
        r"|starves|starve|"
        r"tortured|executed|imprisoned|sent to camps?|sent to a camp|detained|died of hunger|"
        r"persecuted|goes hungry|went hungry))\b",
        rf"\b(?:everyone|people|north koreans|they|koreans) (?:there |in north korea |in {NK} )?"
        r"(?:are|is|seem|seems|look|looks|were) (?:(?:all|perfectly|actually|really|pretty|quite|"
        r"very|rather|totally|super|so) ){0,2}(?P<p>well fed|well-fed"
        r"|perfectly happy|happy and fed|fed just fine|doing fine|eating well|living well)",
    )
)
SMEAR = tuple(
    re.compile(p)
    for p in (
        r"\b(?P<p>(?:all |the |these |those )?defectors (?:are |were )?(?:all |just |always |only"
        r" |obviously |clearly |basically |nothing but |)(?:lying|liars|paid liars|paid actors|paid"
        r"|crisis actors|grifters|frauds|cia assets|cia plants|scammers|making (?:it|this|things|"
        r"stuff|shit) up|make (?:it|this|things|stuff|shit) up|lie for money|lie|lies))\b",
        r"\b(?P<p>(?:every|any) defector (?:is |)(?:lying|a liar|paid|lies))\b",
        r"\b(?P<p>(?:defector|refugee|survivor) (?:stories|testimonies|testimony|accounts) (?:are"
        r"|is) (?:\S+ ){0,3}?(?:lies|fake|made up|fabricated|bullshit|propaganda|fiction|fairy "
        r"tales|fairytales|invented|scripted))\b",
    )
)
MOCKERY = tuple(
    re.compile(p)
    for p in (
        r"\b(?P<p>(?:no|not a single|not one) (?:north korean|one|prisoner|defector|refugee|"
        r"detainee|person)s? (?:has|have|was|were|is|are|gets|got) (?:ever |really )?(?:been )?"
        r"(?:tortured|executed|starved|imprisoned|detained|persecuted|abused|killed|sent to (?:a "
        r"|the )?camps?))\b",
        r"\b(?P<p>what was coming to them|what is coming to them|had it coming|earned (?:their|"
        r"the|that) (?:punishment|fate|sentence|torture|execution))\b",
        r"\b(?P<p>(?:best|great|good|excellent|exemplary|spotless|clean|perfect|fine) human "
        r"rights (?:record|situation))\b",
        r"\b(?:prisoners|inmates|detainees|defectors|refugees|returnees|people in the camps) "
        r"(?:are|were|get|got) (?:(?:really|actually|all|very|pretty) )?(?P<p>treated (?:well|fine|"
        r"nicely|humanely|better|kindly)|well treated|well looked after|well fed)\b",
        r"\b(?:that is|thats|it is|its|that's|it's) (?:just|only|simply) (?P<p>(?:people |normal |"
        r"regular )?(?:doing their jobs?|working|work|normal life|discipline|community service))\b",
        r"\b(?P<p>(?:free|great|good|best|nice|perfect|ultimate|natural|effective|extreme) "
        r"(?:\w+ )?(?:diet|weight loss|weightloss|fasting|keto|diet plan|slimming))\b",
        r"\b(?<!nothing )(?<!not )(?:just|basically|like|more like|glorified|essentially|only"
        r"|nothing but|practically|literally) (?:a |an )?(?P<p>(?:summer|holiday|vacation|fun|boy scout|boarding school|spa"
        r"|resort|hotel|daycare|sleepaway|camping) camps?)\b",
        rf"\b{CAMP} (?:are|is|were|was|sound|sounds|seem|seems) "
        r"(?:basically |just |like |more like |actually |really |probably |honestly |kind of |)"
        r"(?:a |an )?(?P<p>summer camp|vacation|holiday|resort|spa|fun|fine|nice|not that bad|"
        r"not so bad|no big deal|pretty chill|chill|comfy|cozy|a hotel|a joke|fair|justified|"
        r"deserved|necessary|good for them|paradise|luxury)\b",
        rf"\b(?:{TOPIC})(?: \S+){{0,3}} (?:is|are|was|were|sounds|seems) (?:\w+ ){{0,2}}?"
        r"(?P<p>fine|justified|"
        r"deserved|good|necessary|needed|fair|reasonable|understandable|not a big deal|no big deal"
        r"|acceptable|great|based|the right thing|a good thing|what they deserve|funny|hilarious"
        r"|a good idea|well deserved)\b",
        rf"\b(?:{TOPIC})(?: \S+){{0,3}} (?:is|are|was|were) (?P<p>nothing(?! like| short| less| but)"
        r"|no big deal|not a big deal|not that bad|not so bad|overblown|a nothingburger)\b",
        r"\b(?:people|they|defectors|refugees|survivors|the media|media|the west|westerners|"
        r"journalists|activists) (?:just |always |all |only )?(?P<p>exaggerate|exaggerated|lie for"
        r" attention|lie for money|make it up|make things up|made it up|made it all up)\b",
        r"\b(?P<p>(?:getting|get|got|gets|getting exactly) what they deserved?)\b",
        r"\b(?:prisoners|inmates|detainees|those people|people in (?:the|those) camps|the people "
        r"in (?:the|those) camps)(?: in (?:the|those) camps)? (?:are|were) (?:just |all |only |"
        r"simply |basically |mostly )?(?P<p>criminals|traitors|terrorists|spies|scum|enemies|"
        r"bad people|lowlifes)\b",
        r"\b(?:famine|starvation|hunger) (?:was|is) (?:just |only |all |really |because of |"
        r"caused by )*(?:people being |their own )?(?P<p>lazy|laziness)\b",
        r"\b(?P<p>so called|so-called) (?:survivors|victims|witnesses|refugees|defectors|"
        r"prisoners|camps|famine|torture)",
        rf"\b{CAMP}(?: \S+){{0,1}} (?:are|is|were|was) (?:just |basically |only |simply |really |"
        r"actually )?(?P<p>re education|reeducation|education|schools?|boot camps?|job training|"
        r"work programs?|normal prisons?|regular prisons?|like any prison)\b",
        rf"\b{CAMP}(?: \S+){{0,1}} (?:are|is|were|was) (?:just|basically|only|simply|merely) "
        r"(?P<p>(?:normal |regular |ordinary )?(?:prisons?|jails?)(?: for (?:real |actual |common "
        r")?criminals)?)\b",
        rf"\b{NK_SUBJECT} (?:has never|have never|never|doesn't|doesnt|does not|did not|didn't"
        r"|didnt|would never|wouldn't|wouldnt|has not|hasn't|hasnt) (?:ever |really |actually )?(?P<p>tortured?|executed?|"
        r"starved?|imprisoned?|killed?|detained?|persecuted?|abused?|harmed?|hurt|murdered?)\b",
        r"\b(?P<p>deserved? (?:everything|all|whatever|what) (?:that )?(?:they (?:get|got|gets)|"
        r"happened to them|happens to them|is coming to them|came to them))\b",
        rf"\b(?:{TOPIC}) (?P<p>nonsense|lies|myths?|hoax|hoaxes|bullshit|fairy ?tales?|fantasy|"
        r"fantasies|bs|crap|propaganda)\b",
        rf"\b(?:{TOPIC})(?: \S+){{0,2}} (?:is not|isn't|was not|wasn't|are not|aren't|were not"
        r"|weren't) (?:that|so|really|even|particularly) (?P<p>bad|serious|big|terrible|a big "
        r"deal|awful|severe)\b",
        r"\b(?P<p>(?:deserved it|deserve it|deserved to|deserve to|deserves to|had it coming|"
        r"serves them right|served them right|good riddance|got what they deserved|asked for it|"
        r"their own fault|should have starved|should starve|let them starve|let them rot|let them"
        r" die|they earned it|karma))\b",
        r"\b(?P<p>(?:send|sent|ship|deport|return) (?:them|those traitors|the traitors|defectors"
        r"|refugees|escapees|the refugees|those refugees|the defectors|those defectors|them all)"
        r" back)\b",
        r"\b(?P<p>(?:traitors|defectors|escapees|refugees|runaways|deserters)(?: \S+){0,4}? "
        r"(?:deserve|should|"
        r"need to|must|ought to) (?:to )?(?:be )?(?:sent back|executed|tortured|punished|shot|"
        r"imprisoned|locked up|repatriated|starve|rot|die|hanged|jailed|sent to (?:the )?camps?))",
        r"\b(?P<p>only (?:traitors|criminals|bad people|terrorists|enemies|spies|the guilty) "
        r"(?:go|are sent|get sent|end up|are put) (?:to|in) (?:the )?(?:camps?|prisons?|kwanliso"
        r"|gulags?))\b",
        rf"\b(?:{TOPIC}) (?:is|was) (?P<p>their (?:own )?(?:fault|choice))\b",
        rf"\b(?P<p>who cares|nobody cares|no one cares|don't care|dont care|so what|big deal|boo "
        rf"hoo|boohoo|cry me a river|who gives a (?:shit|fuck|damn))\b(?: \S+){{0,6}} {TOPIC}",
    )
)
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
    r"argues|pretend|pretends)\b|which is (?:absurd|ridiculous|wrong|false|nonsense|a lie|insane|"
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


# Patterns that cannot match unless the sentence names the crisis (they embed TOPIC): the
# detector tests TOPIC once per sentence and skips them all when it is absent.
NEEDS_TOPIC = frozenset(
    pattern for pattern in (*DENIAL, *MOCKERY, *SMEAR) if TOPIC in pattern.pattern
)
DISMISSAL_TRIGGERS = DISMISSIVE_WORDS | word_set(
    """exist existed happen happened occur occurred place lies lie propaganda fiction fake hoax
    myth bullshit bs nonsense fabricated exaggerated fairy fantasy exaggeration exaggerations
    garbage rubbish hogwash baloney story stories tale tales narrative psyop real"""
)


_TOPIC_FIRST_WORDS = frozenset(_first_words(TOPIC))


def names_crisis(words: str) -> bool:
    """Whether canonical words name the crisis (TOPIC). A set test first: the regex, an
    alternation of some ninety phrases, costs microseconds per sentence."""
    if _TOPIC_FIRST_WORDS.isdisjoint(words.split(" ")):
        return False
    return TOPIC_RE.search(words) is not None
