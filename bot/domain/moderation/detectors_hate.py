"""Built-in detector for rule 1: slurs and hateful statements about protected groups.

It reads statements, not only words: a protected group (race, ethnicity, nationality, religion,
sex, gender identity, sexual orientation, disability) plus a threat, dehumanising or derogatory
predicate, hatred, or a denial of the group's worth. It lets through counter-speech and quotes
that condemn hate, negated hate ('I don't hate X'), positive and neutral statements, abuse of
targets that are not protected groups, reclaimed slurs ('I'm a proud dyke') and profanity aimed
at nobody. A logistic regression trained on davidson-2017 adds a flag (never a removal) for
hateful messages the rules miss.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.domain.moderation.hate_lexicon import (
    Lexicon,
    TaggedClause,
    load_lexicon,
    self_identified,
    tag_clause,
)
from bot.domain.moderation.hate_patterns import (
    CONDEMNATION,
    COUNTER_SPEECH,
    QUOTED,
    REPORTING,
    PatternFamily,
    build_families,
)
from bot.domain.moderation.model import HateModel, load_model
from bot.domain.moderation.normalize import NormalizedText, squeeze, tokenize
from bot.domain.moderation.verdict import Action, FilterHit

HATE_FILTER_NAME = "builtin:rule1-hate"
SLUR_FILTER_NAME = "builtin:rule1-slurs"
MODEL_FILTER_NAME = "builtin:rule1-model"
#: P(hate) from the trained model at or above which a message the rules let through is flagged.
MODEL_FLAG_THRESHOLD = 0.97

_PROFANITY = frozenset(["shit", "shitty", "crap", "crappy"])
_SENTENCES = re.compile(r"(?<=[.!?;])\s+|\n+")
_CLAUSES = re.compile(
    r",|(?<!nothing )(?<!anything )(?<!all )\bbut\b|\bhowever\b|\balthough\b|\bwhereas\b|\s[-–—]+\s|:|\(|\)"
)
_CONTRACTIONS = {
    "i'll": "i will",
    "we'll": "we will",
    "you'll": "you will",
    "i'd": "i would",
    "we'd": "we would",
    "gonna": "going to",
    "wanna": "want to",
    "gotta": "got to",
    "u": "you",
    "r": "are",
    "ur": "your",
    "youre": "you are",
    "you're": "you are",
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One reason the message is hateful (before counter-speech is considered)."""

    kind: str
    reason: str
    matched: str
    quoted: bool


def _emphatic_map(lex: Lexicon) -> dict[str, str]:
    """Squeezed forms of the pattern words, to read 'kiiiill' and 'disgustinggg' as words."""
    table: dict[str, str] = {}
    for words in lex.words.values():
        for phrase in words:
            for word in phrase.split():
                table.setdefault(squeeze(word)[0], word)
    return table


class HateDetector:
    """Rule 1: slurs and hateful statements about protected groups."""

    name = HATE_FILTER_NAME
    rule = 1

    def __init__(self, lexicon: Lexicon | None = None, model: HateModel | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()
        self.model = model or load_model()
        self.families: tuple[PatternFamily, ...] = build_families(self.lexicon)
        self._gate = self.lexicon.gate
        self._emphatic = _emphatic_map(self.lexicon)
        self._known = frozenset(self._emphatic.values())
        words = self.lexicon.words
        self._bare_verdict = re.compile(
            r"(?:(?:so|just|absolutely|fucking|truly|simply|how|utterly|totally|really|pure|"
            r"such|bunch of|all|of|them|those|these|a|an) )*"
            + "(?:"
            + "|".join(
                re.escape(w)
                for w in words["derogatory"] + words["dehumanising"]
                if w not in _PROFANITY
            )
            + r")(?: (?:af|honestly|tbh|really|lol))?"
        )

    def detect(self, text: NormalizedText) -> list[FilterHit]:
        """Hits for rule 1 (an empty list for nearly every message: the gate is a set lookup)."""
        if not any(token in self._gate for token in text.squeezed_tokens):
            return []
        findings, slur_findings, saw_group = self.analyse(text)
        counter = _counter_speech(text.plain)
        hits: list[FilterHit] = []
        if findings and not counter.suppresses(findings):
            best = findings[0]
            hits.append(
                FilterHit(self.name, 1, Action.REMOVE, best.matched, best.reason, shadow=False)
            )
        slurs = [f for f in slur_findings if not counter.suppresses([f])]
        if slurs and not hits:
            hits.append(
                FilterHit(
                    SLUR_FILTER_NAME, 1, Action.REMOVE, slurs[0].matched, slurs[0].reason, False
                )
            )
        if not hits and not counter.any and (saw_group or slur_findings):
            probability = self.model.probability(text.tokens)
            if probability >= MODEL_FLAG_THRESHOLD:
                hits.append(
                    FilterHit(
                        MODEL_FILTER_NAME,
                        1,
                        Action.FLAG,
                        " ".join(text.tokens[:12]),
                        f"the trained model rates it likely hateful (p={probability:.2f})",
                        False,
                    )
                )
        return hits

    def analyse(self, text: NormalizedText) -> tuple[list[Finding], list[Finding], bool]:
        """(statement findings, slur findings, whether any protected group was named)."""
        quoted_spans = [m.group(1) or m.group(2) for m in QUOTED.finditer(text.plain)]
        findings: list[Finding] = []
        slur_findings: list[Finding] = []
        group_seen = False
        last_target = ""
        for sentence in _SENTENCES.split(text.plain):
            last_target = ""  # a bare verdict only refers back within its sentence
            for clause in _CLAUSES.split(sentence):
                words = self._words(clause)
                if not words:
                    continue
                tagged = tag_clause(words, self.lexicon, refer_back=group_seen)
                quoted = any(clause.strip(" \"'") in span for span in quoted_spans)
                if tagged.groups or tagged.slurs:
                    group_seen = True
                    last_target = (tagged.groups or (tagged.slurs[0][1],))[0]
                if "qq" not in tagged.text:
                    # 'Trans women are ..., disgusting.': a bare verdict on the group just named.
                    if last_target and self._bare_verdict.fullmatch(tagged.text):
                        findings.append(
                            Finding(
                                "derogate",
                                f"a derogatory statement about a protected "
                                f"group ('{tagged.text}' about '{last_target}')",
                                f"{last_target}: {tagged.text}",
                                quoted,
                            )
                        )
                    continue
                findings.extend(self._statement_findings(tagged, quoted, quoted_spans))
                slur_findings.extend(self._slur_findings(tagged, quoted))
        rank = {"threat": 0, "dehumanise": 1, "negated-positive": 2, "derogate": 3, "hate": 4}
        findings.sort(key=lambda f: rank.get(f.kind, 9))
        return findings, slur_findings, group_seen

    def _words(self, clause: str) -> list[tuple[str, str, bytes]]:
        words: list[tuple[str, str, bytes]] = []
        for token in tokenize(clause):
            for word in _CONTRACTIONS.get(token, token).split():
                squeezed, runs = squeeze(word)
                if word not in self._known and squeezed in self._emphatic and max(runs) >= 3:
                    word = self._emphatic[squeezed]  # 'kiiiill' -> 'kill'
                words.append((word, squeezed, runs))
        return words

    def _statement_findings(
        self, tagged: TaggedClause, quoted: bool, quoted_spans: list[str]
    ) -> list[Finding]:
        found: list[Finding] = []
        for family in self.families:
            for pattern in family.patterns:
                match = pattern.search(tagged.text)
                if match is None:
                    continue
                if family.negatable and _negated(tagged.text, match):
                    continue
                if family.kind == "hate" and _reported(tagged.text, match):
                    continue
                target = (tagged.groups or tuple(s[1] for s in tagged.slurs) or ("them",))[0]
                predicate = match.group("p") if "p" in pattern.groupindex else match.group(0)
                predicate = predicate.replace("qqs", "a slur").replace("qqg", target)
                found.append(
                    Finding(
                        family.kind,
                        f"{family.reason} ('{predicate}' about '{target}')",
                        f"{target}: {predicate}",
                        quoted or any(target in s and predicate in s for s in quoted_spans),
                    )
                )
                break
        return found

    def _slur_findings(self, tagged: TaggedClause, quoted: bool) -> list[Finding]:
        found: list[Finding] = []
        words = tagged.text.split(" ")
        slur_positions = [i for i, word in enumerate(words) if word == "qqs"]
        for (slur, written, person), position in zip(
            [s for s in tagged.slurs if s[2]], slur_positions, strict=False
        ):
            if not person or not slur.strong:
                continue
            if self_identified(" ".join(words[:position])):
                continue  # reclaimed: said of oneself or one's own group
            found.append(
                Finding(
                    "slur",
                    f"a slur against {slur.group.split('/')[0]} ('{written}')",
                    written,
                    quoted,
                )
            )
        return found


def _negated(text: str, match: re.Match[str]) -> bool:
    """A negator shortly before the predicate flips it: 'X are not disgusting', 'I don't hate X'.

    Only words before the predicate count, so a predicate that starts with one ("can't stand")
    is not read as negated.
    """
    if "n" in match.re.groupindex:
        return False  # the pattern's meaning includes its own negation ('should not be allowed')
    start = match.start("p") if "p" in match.re.groupindex else match.start()
    before = text[:start]
    for phrase in _NOT_NEGATIONS:
        before = before.replace(phrase, " ")
    return any(word in _NEGATORS for word in before.split(" ")[-6:])


def _reported(text: str, match: re.Match[str]) -> bool:
    """'Some people hate X' describes others' hatred; 'I hate X' expresses one's own."""
    before = [w for w in text[: match.start()].split(" ") if w and w not in _SUBJECT_SKIP]
    return bool(before) and before[-1] in _THIRD_PERSON


_SUBJECT_SKIP = frozenset(["really", "still", "just", "do", "does", "did", "so", "truly", "often"])
_THIRD_PERSON = frozenset(
    [
        "people",
        "they",
        "he",
        "she",
        "some",
        "many",
        "others",
        "bigots",
        "racists",
        "homophobes",
        "who",
        "folks",
        "men",
        "guys",
    ]
)


# Phrases that contain a negator but intensify rather than negate.
_NOT_NEGATIONS = ("no better than", "nothing but", "nothing more than", "never anything but")


_NEGATORS = frozenset(
    [
        "not",
        "n't",
        "never",
        "no",
        "nobody",
        "none",
        "nothing",
        "neither",
        "nor",
        "cannot",
        "can't",
        "cant",
        "don't",
        "dont",
        "doesn't",
        "doesnt",
        "didn't",
        "didnt",
        "isn't",
        "isnt",
        "aren't",
        "arent",
        "wasn't",
        "wasnt",
        "weren't",
        "werent",
        "won't",
        "wont",
        "wouldn't",
        "wouldnt",
        "shouldn't",
        "shouldnt",
        "mustn't",
        "mustnt",
        "hardly",
        "stop",
        "quit",
        "against",
    ]
)


@dataclass(frozen=True, slots=True)
class _Counter:
    any: bool
    strong: bool
    reporting: bool
    condemnation: bool

    def suppresses(self, findings: list[Finding]) -> bool:
        """Whether counter-speech or a condemning quote explains the findings away."""
        if self.strong:
            return True
        if all(f.quoted for f in findings) and (self.reporting or self.condemnation):
            return True  # quoting hate in order to report or condemn it
        return self.reporting and self.condemnation


def _counter_speech(plain: str) -> _Counter:
    strong = any(p.search(plain) for p in COUNTER_SPEECH)
    reporting = REPORTING.search(plain) is not None
    condemnation = CONDEMNATION.search(plain) is not None
    return _Counter(strong or reporting, strong, reporting, condemnation)
