"""Rule 3's stance reading: does a message take the crisis's side, clause by clause?

The model weighs words, and the words of a message that affirms the crisis ('prisons',
'forced labour', 'North Koreans') or blames a government for it ('complicit', 'Russian
government') are the words deniers use too: retrained with writers I and M it flagged 'The
Russian government is complicit in forced labour, full stop.' and 'The UN rapporteur's
estimate was over 1,500 North Koreans sitting in Chinese prisons.'. This module reads the
stance instead of the words. Each sentence that names the crisis is read as one of:

- an accusation: a state or its agents (a government, regime, the police, guards, China,
  Russia, Pyongyang) said to be complicit in, responsible for or guilty of abuses, or doing
  them to people ('China forcibly repatriates defectors');
- a report: a figure (digits, 'thousands', 'percent') or a source (the UN, a rapporteur, HRW,
  a survey, satellite images) beside what the crisis is made of;
- an affirmation: the abuses called real, documented, systematic, ongoing; solidarity with
  the victims ('stand with the survivors', 'human rights matter', 'I fled in 2009').

A message is read as taking the crisis's side (``sides_with_victims``) only when at least one
sentence is one of those, every sentence that names the crisis is, and no word anywhere in it
denies, minimises, mocks, justifies, compares, hedges, doubts or asks (a negator, 'only',
'just', 'lol', '/s', 'deserved', 'chose', 'their problem', 'too', 'than', 'claims', '?', a
dismissive word, a stance feature against the crisis). Then the model's score alone does not
flag it (denial_model.model_hit); patterns are never overruled, and a long post with one
denying sentence keeps that sentence's cue and is read as before.
"""

from __future__ import annotations

import re

from bot.moderation.domain.denial_cues import sarcastic
from bot.moderation.domain.denial_features import stance_features
from bot.moderation.domain.denial_patterns import DISMISSIVE_WORDS, LAUGH, NEGATORS
from bot.moderation.domain.normalize import NormalizedText
from bot.moderation.domain.phrases import sentences, word_set

# Words that, anywhere in a message, make it more than an affirmation, accusation or report:
# negation, minimising, justification, indifference, mockery, comparison (whataboutism),
# doubt and hedging, another's claim, approval of the state's act. A message holding one is
# read by the model as before (this list only ever lets the model's flag stand).
_CUES = (
    NEGATORS
    | DISMISSIVE_WORDS
    | word_set(
        """none nobody nothing neither cannot can't cant won't wont wouldn't wouldnt shouldn't
        only just merely simply barely mere few couple handful some maybe perhaps possibly
        allegedly supposedly apparently reportedly claim claims claimed claiming say says
        saying said so-called whatever meh care cares deserve deserves deserved
        deserving earned karma coming chose choose chosen choice stay stayed fault problem
        problems business consequences should must right rightly correct fair fine good
        great based law laws legal illegal rules criminal criminals traitor traitors thieves
        deserter deserters migrants economic every any all most anyone everyone everywhere
        normal standard routine usual too also either than same like worse better least
        instead whatabout whataboutism compared compare meanwhile but though although
        however yet if unless whether cry crying cries whining whine sob boo
        weep tears tearful drama victimhood brave heroes hero lmao lol haha kek cope seethe
        paid money grift grifters grifting book books clout attention fame actors acting
        script scripted coached tales tale narrative inflated padded cooked
        bogus dubious questionable unreliable debunked discredited biased trust believe
        believed doubt doubts skeptical sceptical sure yeah yes ok okay lmfao xd rofl one
        calls call called everything rough modern anymore famous famously zero free bonus
        diet organic lifestyle flavor flavour vacation holiday resort spa garbage rubbish
        trash crap hogwash baloney cap sus thin pulled"""
    )
)
# Phrases that close or shrink what came before ('that's it', 'that's about it'), and marks of
# laughter or irony in the message as written (emoji, '/s').
_CLOSING = re.compile(r"(?:that is|thats|and) (?:about )?(?:it|all)\b")
_MOCK_MARK = re.compile(
    "[\U0001f602\U0001f923\U0001f480\U0001f644\U0001f921\U0001f606\U0001f605"
    "\U0001f643\U0001f60f\U0001f92d\U0001f634\U0001f971\U0001f60b\U0001f37f]"
)
# Stance features that deny, mock, minimise, justify or doubt (denial_features): one of them
# anywhere keeps the model's reading. 'its_over' is checked apart: 'was over 1,500' is a count.
_AGAINST = frozenset(
    [
        "_s:witness_liar",
        "_s:witness_liar_hedged",
        "_s:crisis_dismissed",
        "_s:conspiracy",
        "_s:playing_down",
        "_s:approves_punishment",
        "_s:sarcasm_marker",
        "_s:irony",
        "_s:topic_waved_off",
        "_s:victim_mocked",
        "_s:scare_quote",
    ]
)
_ITS_OVER = "_s:its_over"
_COUNT_OVER = re.compile(r"\bover (?:\d|a (?:hundred|thousand|million))")

# What the crisis is made of: its abuses, places and people, as whole words.
_CRISIS = re.compile(
    r"\b(?:famine|starv\w*|hunger|malnutrition|malnourished|prisons?|prisoners?|camps?|gulags?"
    r"|kwanliso|kyohwaso|detention|detained|detainees?|jail(?:s|ed)?|imprison\w*|tortur\w*"
    r"|execut\w*|forced labou?r|slave labou?r|slavery|labou?r camps?|repatriat\w*|deport\w*"
    r"|sent back|sends? back|trafficking|trafficked|abuses?|abused|atrocit\w*|persecut\w*"
    r"|crimes against humanity|human rights|defectors?|escapees?|refugees?|survivors?"
    r"|victims?|witness(?:es)?|testimon\w*|north koreans|disappear\w*|abduct\w*)\b"
)
# A state or its agents as the subject of blame.
_ACTOR = (
    r"(?:(?:the )?(?:\w+ )?(?:government|regime|state|authorities|officials|police|guards"
    r"|ministry|leadership|dictatorship|party|bowibu|mss)|china|chinese|beijing|russia|russian"
    r"|moscow|pyongyang|north korea|the dprk|dprk|kim jong un|kim|the kims|xi|putin)"
)
_BLAME = (
    r"(?:complicit|responsible|guilty|to blame|culpable|accountable|profits? from|profiting"
    r"|commits|committed|committing|violates|violated|violating|forcibly \w+|forces|forced"
    r"|arrests|arrested|detains|detained|jails|jailed|imprisons|imprisoned|tortures|tortured"
    r"|executes|executed|starves|starved|exploits|exploited|traffics|trafficked|persecutes"
    r"|persecuted|repatriates|repatriated|deports|deported|sends back|sent back|hands over"
    r"|handed over|abducts|abducted|enslaves|enslaved|abuses|abused|starving|torturing|executing"
    r"|imprisoning|jailing|enslaving|persecuting|turned (?:\S+ ){0,5}into)"
)
_ACCUSATION = re.compile(
    rf"\b{_ACTOR}(?: \S+){{0,5}} (?:is |are |was |were |has |have )?{_BLAME}\b"
)
# A figure or a source beside the crisis: reporting.
# A count of people or of deaths, a share of a population, or an estimate ('over 1,500 North
# Koreans', '40% of the country'): not a camp's number, not '80% feelings'.
_FIGURE = re.compile(
    r"(?<!camp )(?<!no )(?<!number )\b(?:\d+|hundreds|thousands|millions|tens of thousands|dozens)"
    r"(?: \d+)?(?: of)?(?: \S+){0,2}? (?:people|persons|prisoners|inmates|detainees|north koreans?"
    r"|koreans|defectors|refugees|escapees|women|children|kids|deaths|dead|died|executions|victims"
    r"|families|workers|civilians)\b"
    r"|\b(?:over|about|around|nearly|almost|roughly|estimated|at least|up to|more than)"
    r" (?:\d|hundreds|thousands|millions)"
    r"|\b\d+ (?:percent |per cent )?of (?:the )?(?:population|country|children|kids|people)\b"
    r"|\bone in (?:two|three|four|five|ten|\d+)\b"
)
_SOURCE = re.compile(
    r"\b(?:un|united nations|rapporteur|commission of inquiry|coi|hrw|human rights watch"
    r"|amnesty|unicef|wfp|fao|unhcr|ohchr|nkdb|hrnk|report|reports|study|survey|surveys"
    r"|estimate|estimated|estimates|satellite (?:images|imagery|photos)|investigation"
    r"|documented|records|recorded|census|researchers|interviews|testified|press|article|journalists?"
    r"|ran a story|reported|reporting|investigative)\b"
)
# The crisis affirmed as real, grave, documented or under-counted.
_AFFIRMATION = re.compile(
    r"\b(?:is|are|was|were|remains?|has been|have been)(?: \w+ly)? (?:real|true|documented"
    r"|well documented|systematic|widespread|ongoing|happening|verified|confirmed|proven"
    r"|horrific|horrifying|brutal|monstrous|appalling|inhumane|a crime|crimes|underreported"
    r"|under reported|an undercount|undercounted|a life or death \w+)\b"
    rf"|\b(?:inflicted|caused|imposed|ordered|enforced|carried out) by {_ACTOR}\b"
)
# Solidarity with the victims, and a source's own words: these spans are the statement itself
# and their words ('should care', 'deserve justice', 'the UN says') are not read as cues.
_SOLIDARITY = re.compile(
    r"\b(?:stand|stands|standing|stood|solidarity) with (?:the |all |every )?(?:\S+ ){0,4}?(?:victims"
    r"|survivors|defectors|refugees|north koreans|prisoners|people|families|escapees|activists)\b"
    r"|\brights(?: \S+){0,4} (?:matter|matters|are human rights)\b"
    r"|\b(?:lives|voices|stories|testimonies) matter\b"
    r"|\b(?:i|we) (?:\w+ )?(?:fled|defected|escaped)\b|\b\w+ here,? (?:\w+ )?(?:fled|defected|escaped)\b"
    r"|\b(?:defector|escapee|survivor) here\b|\b(?:i am|im) (?:a |an )?(?:defector|escapee|survivor|refugee)\b"
    r"|(?<!nobody )(?<!no one )(?<!noone )\b(?:(?:we|you|everyone) )?(?:should |must )?(?:care|cares)"
    r" about (?:\S+ ){0,3}?(?:human rights|victims|survivors|defectors|refugees|north koreans"
    r"|prisoners)\b"
    r"|(?<!nobody )(?<!no one )(?<!noone )\b(?:deserve|deserves) (?:justice|dignity|support|help"
    r"|better|freedom|safety|protection|asylum|recognition|a voice|the same outrage)\b"
)
_SOURCE_SAYS = re.compile(
    r"\b(?:un|united nations|rapporteur|coi|hrw|amnesty|unicef|wfp|fao|unhcr|ohchr|report"
    r"|survey|study|researchers)(?: \S+){0,2} (?:says|said|say|reports|reported|estimates"
    r"|estimated|found|finds)\b"
)


# A concession to the reader's politics ('whatever you think of the politics, ...').
_CONCESSIVE = re.compile(r"\bwhatever (?:you|u|we|one|people) (?:think|say|believe) (?:of|about)\b")


def sides_with_victims(text: NormalizedText) -> bool:
    """Whether a message only affirms, accuses or reports (see the module docstring)."""
    all_words = " ".join(text.tokens)
    rest = _SOURCE_SAYS.sub(" ", _SOLIDARITY.sub(" ", _CONCESSIVE.sub(" ", all_words)))
    if not _CUES.isdisjoint(rest.split()) or "?" in text.plain:
        return False
    if LAUGH.search(all_words) or _CLOSING.search(all_words) or sarcastic(text.plain):
        return False
    if _MOCK_MARK.search(text.original):
        return False
    stance = stance_features(text)
    if not _AGAINST.isdisjoint(stance):
        return False
    if _ITS_OVER in stance and not _COUNT_OVER.search(all_words):
        return False
    sided = False
    for _, words in sentences(text):
        if _AFFIRMATION.search(words) or _SOLIDARITY.search(words):
            sided = True
            continue
        if _CRISIS.search(words) is None:
            continue  # a sentence naming none of the crisis neither sides nor denies
        if _ACCUSATION.search(words) or _FIGURE.search(words) or _SOURCE.search(words):
            sided = True
            continue
        return False  # a sentence about the crisis that is none of the three
    return sided
