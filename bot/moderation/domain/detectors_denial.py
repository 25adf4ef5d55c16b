"""Built-in detector for rule 3: denying or belittling the humanitarian crisis in North Korea.

It catches denial (the famine, prison camps, torture, executions or forced repatriation 'never
happened', are 'a hoax', 'CIA propaganda'), sweeping smears of the witnesses ('defectors are all
paid liars'), mockery ('free diet', 'summer camp') and justification ('they deserved it', 'send
the traitors back'). It lets through reporting, questions about sources, hedged doubts about a
particular account or figure, rebuttals or reports of denial ('Pyongyang denies the camps exist,
but satellite images show them') and denials the speaker refuses ('not going to pretend ...').

The patterns are records in bot/moderation/rules/rule3_denial.yaml; a hit names its record.
A denial or mockery record removes only when the trained model agrees (P >= 0.8) and the
message neither quotes, reports, asks, rebuts nor frames the claim (denial_scope.framed);
everything else rule 3 finds is flagged
(held-out precision in bench/RESULTS.md, moderation-eval). A low model score drops a pattern's
hit only when a discussion signal is found (denial_model); a long message is also read
sentence by sentence (denial_sentences).
"""

from __future__ import annotations

from dataclasses import replace

from bot.moderation.domain.attribution import attribution
from bot.moderation.domain.denial_bound import ScoreBound
from bot.moderation.domain.denial_content import says_something
from bot.moderation.domain.denial_context import own_lines, quoted_lines
from bot.moderation.domain.denial_cues import (
    AT_DEFENDERS,
    FAMINE,
    RETRACTED,
    abundance_claim,
    doubt_sentence,
    in_it_for,
    minimises,
    mocks_believers,
    phrase_cue,
    quoted_claim,
    quotes_someone,
    sarcastic,
    says_anything,
    universal_smear,
)
from bot.moderation.domain.denial_model import (
    AGAINST,
    REMOVE_AGREEMENT,
    THRESHOLD,
    VETO_AGAINST,
    VETO_BELOW,
    discussion_signal,
    model_hit,
)
from bot.moderation.domain.denial_patterns import (
    BARE_DISMISSAL,
    CORE_TOPIC_RE,
    DISMISSAL_TRIGGERS,
    DISMISSIVE_WORDS,
    EXISTENCE_DENIAL,
    GATE,
    HEDGE,
    LAUGH,
    NEGATORS,
    PRONOUN_DENIAL,
    REBUTTAL,
    REGIME_SOURCE,
    SAD,
    SOFT_DISMISSIVE,
    SOURCE_QUESTION,
    mentions_topic,
    names_crisis,
)
from bot.moderation.domain.denial_personal import crisis_stems, personal_frame
from bot.moderation.domain.denial_replies import answers_elsewhere, reply_reading, what_remains
from bot.moderation.domain.denial_rules import (
    CONTRADICTS_PREVIOUS,
    HIT_FAMILIES,
    MORE_REBUTTAL,
    SARCASTIC,
    echoes_denial,
    family,
    hedged,
    negated,
    not_asserted,
    span_of,
)
from bot.moderation.domain.denial_scope import elsewhere, framed
from bot.moderation.domain.denial_sentences import sentence_hit
from bot.moderation.domain.model import RULE3_MODEL_FILE, LinearTextModel, load_model
from bot.moderation.domain.names import DENIAL_FILTER_NAME
from bot.moderation.domain.normalize import NormalizedText
from bot.moderation.domain.phrases import canonical_words, evidence, sentences
from bot.moderation.domain.rulebook import PatternRecord, passing, word_runs
from bot.moderation.domain.verdict import Action, FilterHit


class DenialDetector:
    """Rule 3: denial, mockery or justification of abuses in North Korea."""

    name = DENIAL_FILTER_NAME
    rule = 3

    def __init__(self, model: LinearTextModel | None = None) -> None:
        self._model = model or load_model(RULE3_MODEL_FILE)
        self._bound = ScoreBound(self._model)

    def reads_replies(self) -> bool:
        """Yes: a short reply is read against the message it answers (ReplyReader)."""
        return True

    def detect(
        self, text: NormalizedText, context: NormalizedText | None = None
    ) -> list[FilterHit]:
        """Pattern hits, settled by the model; what no pattern reads but the trained model does
        is flagged, and so is a short reply waving away what it answers (``context``: the
        message it replies to, when known; else its quoted lines)."""
        quoted = quoted_lines(text)
        answered = context if context is not None else quoted
        # Quoted lines ('> ...') are not the member's statement; the model reads them for topic.
        own = own_lines(text)
        hits = self._pattern_hits(own)
        if not self._model.trained:  # no weights shipped: the patterns alone
            return hits
        if not hits and self._bound.below(own, THRESHOLD):  # the model reads their own lines
            # The model cannot reach its flag threshold on the whole; one sentence might.
            found = sentence_hit(self.name, own, self._model, self._bound)
            if found is not None and elsewhere(text):
                found = None  # work or a group's rights, not the crisis (denial_scope)
            return (
                [found]
                if found
                else what_remains(DENIAL_FILTER_NAME, own, answered, self._denies(answered))
            )
        # The member's stance is in their own lines, judged against what they answer.
        denies = self._denies(answered)
        reading = reply_reading(self._model, text, own, answered, denies)
        if hits:
            # A low score vetoes a pattern only when the message shows it is discussion
            # (a rebuttal, a report, a quote, a question about a source): the score alone
            # let 'Gulags in the DPRK do not exist, stop spreading lies' through.
            signal = (
                "" if SARCASTIC.intersection(h.record for h in hits) else discussion_signal(text)
            )
            if signal and reading.probability < VETO_BELOW:
                return []
            # Speaking against denial or the mockery ('the hoax crowd never explains ...',
            # 'please delete it') overrules a pattern unless the model is fairly sure.
            if signal == AGAINST and reading.probability < VETO_AGAINST:
                return []
            # Precision first: any quote, report, question or denunciation leaves the
            # decision to a moderator.
            sure = reading.probability >= REMOVE_AGREEMENT and not (
                signal or attribution(text) or framed(own)
            )
            return [hit if sure else _as_flag(hit) for hit in hits]
        hit = model_hit(self.name, own, self._model, reading)
        hit = hit or sentence_hit(self.name, own, self._model, self._bound)  # one sentence of many
        if hit is not None and not reading.on_topic and answers_elsewhere(answered):
            hit = None  # 'its all made up anyway' under a KCNA claim or a football score
        if hit is not None and not (reading.on_topic or reading.near_topic):
            # Naming none of the crisis, a message must say something rule 3 forbids.
            hit = hit if reading.answers_account or says_something(own, text) else None
        if hit is not None and not reading.answers_account and elsewhere(text):
            hit = None  # 'labour' and 'victims' in a statement on work or a group's rights
        return what_remains(DENIAL_FILTER_NAME, own, answered, denies) if hit is None else [hit]

    def _denies(self, answered: NormalizedText | None) -> bool:
        """Whether what a reply answers is itself a denial a pattern reads."""
        return answered is not None and bool(self._pattern_hits(answered))

    def _pattern_hits(self, text: NormalizedText) -> list[FilterHit]:
        if GATE.isdisjoint(text.tokens):
            return []  # no abuse, camp, famine or North Korea word: nothing to deny
        all_words = " ".join(text.tokens)
        topical = mentions_topic(all_words)
        about_crisis = names_crisis(all_words)
        split = sentences(text)
        for index, (sentence, words) in enumerate(split):
            if GATE.isdisjoint(words.split(" ")) and not topical:
                continue
            if index + 1 < len(split) and CONTRADICTS_PREVIOUS.match(split[index + 1][1]):
                continue  # 'Tankies say the famine is exaggerated. It's not.'
            hit = self._sentence_hit(sentence, words, topical)
            if hit is None and about_crisis:
                hit = self._dismissal_hit(text, sentence, words)
            if hit is None and topical:
                hit = self._cue_hit(text, sentence, words)
            if hit is None and topical:
                hit = self._casual_hit(text, sentence, words, about_crisis)
            if hit is not None:
                if hit.record not in SARCASTIC and (
                    quotes_someone(words, all_words)
                    or quoted_claim(sentence)
                    or RETRACTED.search(words)  # 'I used to think ... until I read ...'
                ):
                    continue  # 'A guy on reddit said the camps are a myth.'
                return [hit]
            if (
                LAUGH.search(words)
                and names_crisis(words)
                and not _personal(text)
                and not SAD.search(text.plain)
                and not _rebuts(words)  # 'lol no, the famine was absolutely real'
                and not AT_DEFENDERS.search(words)  # 'lol imagine defending the camps'
                and not quoted_claim(sentence)  # "lol the regime's 'no prisoners' line"
                and not REGIME_SOURCE.search(words)
            ):
                return [
                    FilterHit(
                        self.name,
                        3,
                        Action.FLAG,
                        words[:80],
                        "laughs about the humanitarian crisis",
                        False,
                    )
                ]
        return []

    def _dismissal_hit(self, text: NormalizedText, sentence: str, words: str) -> FilterHit | None:
        """A sentence that waves the crisis away without naming it, in a message that does."""
        if DISMISSAL_TRIGGERS.isdisjoint(words.split(" ")):
            return None  # both patterns need one of these words
        for clause in sentence.split(","):
            clause_words = canonical_words(clause)
            match = BARE_DISMISSAL.match(clause_words) or PRONOUN_DENIAL.search(clause_words)
            if match is None:
                continue
            if _rebuts(words) or REGIME_SOURCE.search(" ".join(text.tokens)):
                return None  # 'KCNA says they are fed. Total propaganda.' is about the regime
            groups = match.groupdict()
            predicate = groups.get("p") or groups.get("q") or clause_words
            return FilterHit(
                self.name,
                3,
                Action.REMOVE,
                _around(words, predicate),
                f"denies the humanitarian crisis ('{_around(words, predicate)}')",
                False,
            )
        return None

    def _cue_hit(self, text: NormalizedText, sentence: str, words: str) -> FilterHit | None:
        """The broad net, after the precise patterns: a sentence naming the crisis together with
        a dismissive word ('rumour', 'photoshopped', 'paid actors') or denying it exists, that
        neither rebuts, reports the regime's claims, asks about sources nor hedges. Flagged
        for a moderator rather than removed: it reads words, not a whole statement."""
        cue = EXISTENCE_DENIAL.search(words)
        predicate = cue.group(0) if cue else ""
        if not predicate and CORE_TOPIC_RE.search(words) is not None:
            tokens = words.split(" ")
            for index, token in enumerate(tokens):
                window = tokens[max(0, index - 5) : index]
                if token in DISMISSIVE_WORDS and NEGATORS.isdisjoint(window):
                    predicate = token
                    break
        if predicate and not_asserted(sentence, words, span_of(words, cue, predicate), predicate):
            return None  # 'I am not saying there is no crisis', 'the guy who tried to argue ...'
        soft = predicate.startswith(SOFT_DISMISSIVE)
        if not predicate:
            predicate = phrase_cue(words)
            soft = True  # 'some defectors exaggerate for book deals' doubts a few accounts
        if not predicate:
            return None
        if _rebuts(words) or REGIME_SOURCE.search(" ".join(text.tokens)):
            return None
        if LAUGH.fullmatch(predicate) and (AT_DEFENDERS.search(words) or _personal(text)):
            # 'lol imagine defending the camps' laughs at the defenders; 'boot camp nearly
            # killed me lol' is about the speaker's own life.
            return None
        if sentence.endswith("?") and SOURCE_QUESTION.search(words):
            return None
        # Only a hedge up to the claim counts ('... the same script, funny how that works').
        at = words.find(predicate)
        scope = words if at < 0 else words[: at + len(predicate)]
        if soft and (HEDGE.search(scope) or sentence.endswith("?")):
            return None  # a doubt about one account, or a question, is fair discussion
        return FilterHit(
            self.name,
            3,
            Action.FLAG,
            _around(words, predicate),
            f"seems to deny or belittle the humanitarian crisis ('{_around(words, predicate)}')",
            False,
        )

    def _casual_hit(
        self, text: NormalizedText, sentence: str, words: str, about_crisis: bool
    ) -> FilterHit | None:
        """Casual online denial the statement patterns miss: a sentence that is only a doubt
        meme ('press X to doubt') or a sarcastic one ('Yeah sure, and the camps have gas
        chambers too', '... Tragic. /s') in a message naming the crisis, witnesses who 'will
        say anything for a book deal', or 'they have plenty of food' in a message about the
        famine. Flagged: each reads a cue, not a whole statement."""
        if about_crisis:
            mocked = mocks_believers(words)
            if mocked is not None:  # not exempt as a rebuttal: 'people who believe' matches one
                reason = f"mocks those who believe accounts of abuses ('{mocked}')"
                return FilterHit(self.name, 3, Action.FLAG, _around(words, mocked), reason, False)
        predicate = says_anything(words)
        if predicate is None and about_crisis:
            predicate = universal_smear(words)
        if predicate is None:
            predicate = in_it_for(words)
            if predicate is not None and HEDGE.search(words[: words.find(predicate)]):
                predicate = None  # 'some defectors want money' doubts a few
        reason = "dismisses every witness of abuses as a liar"
        if predicate is None and about_crisis:
            predicate = doubt_sentence(words) or sarcastic(sentence) or minimises(words)
            if echoes_denial(words):
                return None  # 'oh sure, the camps never existed, that's why ...'
            reason = "mocks or dismisses the humanitarian crisis"
        if predicate is None and not sentence.endswith("?"):
            predicate = abundance_claim(words)
            if predicate is not None and FAMINE.search(" ".join(text.tokens)) is None:
                predicate = None
            reason = "denies the famine"
        if predicate is None:
            return None
        all_words = " ".join(text.tokens)
        if _rebuts(all_words) or REGIME_SOURCE.search(all_words):
            return None
        quoted = _around(words, predicate)
        return FilterHit(self.name, 3, Action.FLAG, quoted, f"{reason} ('{quoted}')", False)

    def _sentence_hit(self, sentence: str, words: str, topical: bool) -> FilterHit | None:
        """The first denial, mockery or smear in a sentence, unless the sentence rebuts denial,
        asks about sources, or (for soft claims) hedges. Exemptions are only checked after a
        pattern matched: most sentences match none, and the exemption patterns are long."""
        exempt: bool | None = None
        has_topic: bool | None = None
        word_set = frozenset(words.split(" "))
        runs = word_runs(words)  # for the records' derived gates: most searches are skipped
        for family_name, records in _FAMILIES:
            if family_name == "mockery" and not topical:
                continue
            for record in passing(records, runs):
                if not record.triggered(word_set):
                    continue
                if record.needs_topic:
                    if has_topic is None:
                        has_topic = names_crisis(words)
                    if not has_topic:
                        continue  # the pattern names the crisis and this sentence does not
                match = record.regex.search(words)
                if match is None:
                    continue
                if exempt is None:
                    exempt = _rebuts(words) or (
                        sentence.endswith("?") and SOURCE_QUESTION.search(words) is not None
                    )
                if exempt and not record.sarcastic:
                    return None
                predicate = match.group("p")
                if negated(words, match) or (
                    not record.sarcastic and not_asserted(sentence, words, match.span(), predicate)
                ):
                    continue  # 'was not exaggerated', 'not going to pretend the famine ...'
                # Doubts about one account or figure are fair discussion; only a hedge up to
                # the claim counts ('some defectors lie', not '... everyone knows this').
                if (family_name == "smear" or predicate.startswith(SOFT_DISMISSIVE)) and hedged(
                    words, match
                ):
                    continue
                quoted = evidence(words, match.start(), match.end())
                return FilterHit(
                    self.name,
                    3,
                    record.action,
                    quoted,
                    f"{record.reason} ('{quoted}')",
                    False,
                    record=record.id,
                )
        return None


def _personal(text: NormalizedText) -> bool:
    return personal_frame(text, crisis_stems(text.tokens))


def _around(words: str, phrase: str) -> str:
    """``phrase`` quoted with its context in the sentence (see ``evidence``)."""
    at = words.find(phrase)
    return phrase if at < 0 else evidence(words, at, at + len(phrase))


def _as_flag(hit: FilterHit) -> FilterHit:
    """Precision first: a removal stands only when the model agrees; else a moderator decides."""
    return replace(hit, action=Action.FLAG) if hit.action is Action.REMOVE else hit


_FAMILIES: tuple[tuple[str, tuple[PatternRecord, ...]], ...] = tuple(
    (name, family(name)) for name in HIT_FAMILIES
)


def _rebuts(words: str) -> bool:
    """Whether a sentence rebuts or reports denial rather than making it."""
    return REBUTTAL.search(words) is not None or MORE_REBUTTAL.search(words) is not None
