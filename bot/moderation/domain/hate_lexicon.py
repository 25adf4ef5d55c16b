"""Rule-1 lexicons (data/lexicon_rule1.json) and the tagger that marks groups and slurs.

The tagger rewrites a clause's squeezed tokens so the statement patterns in
:mod:`detectors_hate` can be plain regular expressions: a mention of a protected group becomes
``qqg``, a slur ``qqs``, and 'they'/'them' that refer back to a group ``qqp``."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from bot.moderation.domain import hate_words as hw
from bot.moderation.domain.hate_words import self_identified as self_identified
from bot.moderation.domain.hate_words import typo_map as typo_map
from bot.moderation.domain.normalize import squeeze

GROUP_TAG = "qqg"
SLUR_TAG = "qqs"
PRONOUN_TAG = "qqp"

#: Squeezed slurs that are also ordinary words ('coon' squeezes to 'con', 'nigger' to 'niger',
#: the country): these match only with their letter runs intact.
_STRICT_SQUEEZED = frozenset({"niger", "con", "cons", "as", "bet", "god", "of", "to", "fel"})
_GATE_BEFORE = hw.DETERMINERS | {"being"}
_PRONOUNS = {"they": "qqp", "them": "qqp", "theyre": "qqp are", "they're": "qqp are", "em": "qqp"}
# Ordinary words one typo away from a group name ('blacks', 'koreans', 'mormons').
_NOT_TYPOS = frozenset(["backs", "koreas", "morons", "lacks", "blocks"])


@dataclass(frozen=True, slots=True)
class Slur:
    """A slur entry: the protected group it targets and how it behaves."""

    word: str
    group: str
    strong: bool
    homonym: bool
    reclaimable: bool
    runs: bytes
    strict: bool


@dataclass(slots=True)
class Lexicon:
    """Everything rule 1 looks up, keyed by squeezed form."""

    groups: dict[str, str] = field(default_factory=dict)
    singulars: dict[str, str] = field(default_factory=dict)
    adjectives: dict[str, str] = field(default_factory=dict)
    person_nouns: frozenset[str] = frozenset()
    slurs: dict[str, Slur] = field(default_factory=dict)
    two_word_slurs: dict[tuple[str, str], Slur] = field(default_factory=dict)
    words: dict[str, list[str]] = field(default_factory=dict)
    institutions: frozenset[str] = frozenset()
    insult_nouns: frozenset[str] = frozenset()
    gate_words: frozenset[str] = frozenset()
    context_words: frozenset[str] = frozenset()
    homonym_person_context: frozenset[str] = frozenset()
    homonym_senses: frozenset[str] = frozenset()
    #: Two-word group adjectives ('mentally ill', 'non binary'), squeezed, and their first words.
    adjective_pairs: frozenset[str] = frozenset()
    pair_firsts: frozenset[str] = frozenset()
    #: Conditions a group is named by ('people with adhd'), squeezed, and their words.
    conditions: dict[str, str] = field(default_factory=dict)
    condition_words: frozenset[str] = frozenset()

    def mentions_group_or_slur(self, squeezed_tokens: tuple[str, ...]) -> bool:
        """A cheap test whether rule 1 must read the message closely: a group noun or a strong
        slur, or a group adjective used of people ('black people', 'the disabled', 'a jew').

        Weak slurs ('bitch') alone never make a rule-1 finding, so they do not count.
        """
        if not self.gate_words.isdisjoint(squeezed_tokens):
            return True
        # A token ending in 's is rare: one C-level search over the joined tokens rules it
        # out before the per-token test.
        if "'s " in " ".join(squeezed_tokens) + " " and any(
            t.endswith("'s") and t[:-2] in self.context_words for t in squeezed_tokens
        ):
            return True  # "a woman's opinion'
        if not (
            self.pair_firsts.isdisjoint(squeezed_tokens)
            and self.condition_words.isdisjoint(squeezed_tokens)
        ) and hw.names_by_phrase(squeezed_tokens, self.adjective_pairs, self.conditions):
            return True
        if self.context_words.isdisjoint(squeezed_tokens):
            return False
        last = len(squeezed_tokens) - 1
        for i, token in enumerate(squeezed_tokens):
            if token not in self.context_words:
                continue
            if i < last and (
                squeezed_tokens[i + 1] in self.person_nouns
                or squeezed_tokens[i + 1] in self.insult_nouns
            ):
                return True
            if i and squeezed_tokens[i - 1] in _GATE_BEFORE:
                return True
            if not _GATE_BEFORE.isdisjoint(squeezed_tokens[max(0, i - 3) : i]):
                return True  # 'the only good jew', 'a single decent muslim'
        return False


def _sq(word: str) -> str:
    return " ".join(squeeze(part)[0] for part in word.split())


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Load and index the shipped rule-1 lexicon (once)."""
    raw = json.loads(
        resources.files("bot.moderation")
        .joinpath("data", "lexicon_rule1.json")
        .read_text(encoding="utf-8")
    )
    lex = Lexicon()
    for category, words in raw["groups"].items():
        for word in words:
            lex.groups[_sq(word.replace("-", " "))] = category
    for category, words in raw["concepts"].items():
        for word in words:
            lex.groups[_sq(word)] = category
    for category, words in raw["singulars"].items():
        for word in words:
            lex.singulars[_sq(word)] = category
    for category, words in raw["adjectives"].items():
        for word in words:
            lex.adjectives[_sq(word.replace("-", " "))] = category
    lex.person_nouns = frozenset(_sq(w) for w in raw["person_nouns"])
    # ('north korean' is left to 'korean', which tags on its own.)
    lex.adjective_pairs = frozenset(
        key for key in lex.adjectives if " " in key and key.split(" ")[1] not in lex.adjectives
    )
    lex.pair_firsts = frozenset(key.split(" ")[0] for key in lex.adjective_pairs)
    for category, words in raw.get("conditions", {}).items():
        for word in words:
            lex.conditions[_sq(word.replace("-", " "))] = category
    lex.condition_words = frozenset(
        word for key in lex.conditions for word in key.split(" ") if word not in hw.DETERMINERS
    )
    lex.homonym_person_context = frozenset(_sq(w) for w in raw["homonym_person_context"])
    lex.homonym_senses = frozenset(_sq(w) for w in raw["homonym_senses"])
    lex.institutions = frozenset(_sq(w) for w in raw["institutions"])
    lex.insult_nouns = frozenset(
        _sq(w) for w in raw["dehumanising"] + raw["derogatory"] if " " not in w and w.endswith("s")
    )
    plurals: dict[str, Slur] = {}
    for word, info in raw["slurs"].items():
        flags = set(info["flags"])
        squeezed_parts = [squeeze(part) for part in word.replace("-", " ").split()]
        key = " ".join(p for p, _ in squeezed_parts)
        slur = Slur(
            word=word,
            group=info["group"],
            strong=info["strength"] == "strong",
            homonym="homonym" in flags,
            reclaimable=bool(flags & {"reclaimable", "flag_only"}),
            runs=b"\x01".join(r for _, r in squeezed_parts),
            strict=key in _STRICT_SQUEEZED,
        )
        if len(squeezed_parts) == 2:
            lex.two_word_slurs[(squeezed_parts[0][0], squeezed_parts[1][0])] = slur
        else:
            lex.slurs[key] = slur
            if not word.endswith("s"):
                plurals.setdefault(squeeze(word + "s")[0], slur)
    # Plurals the list does not spell out ('gyppos', 'zipperheads'), unless one is a word of
    # its own in the lexicon.
    for key, slur in plurals.items():
        if key not in lex.groups and key not in lex.singulars:
            lex.slurs.setdefault(key, slur)
    # Misspellings of long words, unless the misspelling is itself a lexicon word.
    taken = set(lex.groups) | set(lex.singulars) | set(lex.adjectives) | set(lex.slurs) | _NOT_TYPOS
    for key, category in list(lex.groups.items()):
        if len(key) >= 5 and " " not in key:
            # Five-letter names only get swaps: deleting a letter of 'women' makes 'omen'.
            for typo in hw.typos(key, deletions=len(key) >= 6):
                if typo not in taken:
                    lex.groups.setdefault(squeeze(typo)[0], category)
    for slur in list(lex.slurs.values()):
        # Short slurs sit one letter away from ordinary words ('spick'/'sick', 'beaner'/
        # 'banner', 'troons'/'toons'): only long ones get misspellings, and only those that
        # have no doubled letter to squeeze into yet another word.
        if len(slur.word) >= 7 and slur.strong and not (slur.homonym or slur.reclaimable):
            for typo in hw.typos(slur.word):
                sq, _ = squeeze(typo)
                if sq == typo and sq not in taken and sq not in _STRICT_SQUEEZED:
                    lex.slurs.setdefault(sq, slur)
    # Two-word names written as one ('northkoreans', 'asylumseekers').
    for key, category in list(lex.groups.items()):
        if " " in key:
            lex.groups.setdefault(squeeze(key.replace(" ", ""))[0], category)
    for key, category in list(lex.adjectives.items()):
        if " " in key:
            lex.groups.setdefault(squeeze(key.replace(" ", "") + "s")[0], category)
    # Group names written without a space ('blackpeople', 'transwomen').
    for adjective, category in list(lex.adjectives.items()):
        for noun in ("people", "folks", "women", "men", "persons"):
            lex.groups.setdefault(_sq(adjective.replace(" ", "") + noun), category)
    for name in (
        "dehumanising",
        "derogatory",
        "emotion_verbs",
        "emotion_phrases",
        "threat_verbs",
        "threat_phrases",
        "threat_participles",
        "threat_participle_phrases",
        "positive",
        "positive_verbs",
        "negators",
    ):
        # Longest first, ties alphabetical: the same patterns in every process.
        lex.words[name] = sorted(set(raw[name]), key=lambda w: (-len(w), w))
    lex.gate_words = frozenset(
        set(lex.groups)
        | {key for key, slur in lex.slurs.items() if slur.strong}
        | {first for first, _ in lex.two_word_slurs}
        | {key.split(" ")[0] for key in lex.groups if " " in key}
    )
    lex.context_words = frozenset(set(lex.adjectives) | set(lex.singulars))
    return lex


@dataclass(frozen=True, slots=True)
class TaggedClause:
    """A clause with groups and slurs replaced by tags; ``slurs`` lists the slurs it used."""

    text: str
    groups: tuple[str, ...]
    slurs: tuple[tuple[Slur, str, bool], ...]  # (slur, word as written, used as a person word)


def lookup_slur(lex: Lexicon, squeezed: str, runs: bytes) -> Slur | None:
    """The slur a squeezed token spells, checking letter runs for slurs that need them."""
    slur = lex.slurs.get(squeezed)
    if slur is None:
        return None
    if slur.strict and not all(r >= need for r, need in zip(runs, slur.runs, strict=False)):
        return None
    return slur


def tag_clause(
    tokens: list[tuple[str, str, bytes]],
    lex: Lexicon,
    refer_back: bool,
    message: frozenset[str] = frozenset(),
    masked: frozenset[str] = frozenset(),
) -> TaggedClause:
    """Tag one clause of (canonical, squeezed, runs) ``tokens``; ``refer_back`` lets 'they'
    stand for a group named earlier; ``masked``: slurs written starred out ('ch*nk')."""
    out: list[str] = []
    groups: list[str] = []
    slurs: list[tuple[Slur, str, bool]] = []
    i = 0
    n = len(tokens)
    clause = {sq for _, sq, _ in tokens}
    keys = _tag_keys(lex)
    # 'people with adhd': a person noun that a condition follows names a group.
    with_condition = "with" in clause and not lex.condition_words.isdisjoint(clause)
    while i < n:
        word, sq, runs = tokens[i]
        # Most words: no branch below can tag them.
        plain = sq not in keys and word not in _PRONOUNS and word not in hw.REFERRING
        if with_condition and (sq in lex.person_nouns or sq in hw.ANYONE):
            length = hw.condition_at([t[1] for t in tokens], i + 2, lex.conditions)
            if length and i + 1 < n and tokens[i + 1][1] == "with":
                groups.append(" ".join(t[0] for t in tokens[i : i + 2 + length]))
                out.append(GROUP_TAG)
                i += 2 + length
                continue
        if plain and not word.endswith("'s"):
            out.append(word)
            i += 1
            continue
        refer_back = refer_back or bool(groups or slurs)
        nxt = tokens[i + 1][1] if i + 1 < n else ""
        prev = out[-1] if out else ""
        if prev in ("anti", "pro") and sq in lex.adjectives:
            out.append(word)  # 'anti-Japanese hate': a stance towards the group, not it
            i += 1
            continue
        two = lex.two_word_slurs.get((sq, nxt))
        if two is not None:
            slurs.append((two, f"{word} {tokens[i + 1][0]}", True))
            out.append(SLUR_TAG)
            i += 2
            continue
        if f"{sq} {nxt}" in lex.groups:
            groups.append(f"{word} {tokens[i + 1][0]}")  # 'asylum seekers'
            out.append(GROUP_TAG)
            i += 2
            continue
        pair = f"{sq} {nxt}"
        if pair in lex.adjective_pairs and (i + 2 >= n or tokens[i + 2][1] not in lex.institutions):
            # 'mentally ill people are ...', 'non binary is a ...', 'the mentally ill'.
            third = tokens[i + 2][1] if i + 2 < n else ""
            if third in lex.person_nouns:
                groups.append(" ".join(t[0] for t in tokens[i : i + 3]))
                out.append(GROUP_TAG)
                i += 3
                continue
            # Otherwise only as a subject: 'are not mentally ill' says something of a group,
            # and so does 'qqg are all mentally ill' ('are qqg all ...').
            subject = not prev or (prev in hw.PAIR_BEFORE and not hw.said_of_all(prev, out))
            if subject and (not third or third in lex.insult_nouns or third in hw.VERBISH or prev):
                if prev == "the":  # 'the mentally ill are ...', as 'the disabled are ...'
                    out.pop()
                groups.append(f"{word} {tokens[i + 1][0]}")
                out.append(GROUP_TAG)
                i += 2
                continue
        if sq in lex.adjectives and (nxt in lex.person_nouns or nxt in lex.insult_nouns):
            if nxt in lex.insult_nouns:  # 'trans freaks': the group, then what it is called
                groups.append(word)
                out.append(GROUP_TAG)
                i += 1
                continue
            groups.append(f"{word} {tokens[i + 1][0]}")
            out.append(GROUP_TAG)
            i += 2
            continue
        if sq == "being" and nxt in lex.adjectives:
            groups.append(f"being {tokens[i + 1][0]}")
            out.append(GROUP_TAG)
            i += 2
            continue
        if sq == "the" and nxt in lex.adjectives and (i + 2 >= n or tokens[i + 2][1] in hw.VERBISH):
            groups.append(f"the {tokens[i + 1][0]}")  # 'the disabled are ...'
            out.append(GROUP_TAG)
            i += 2
            continue
        if word.endswith("'s") and (sq[:-2] in lex.groups or sq[:-2] in lex.singulars):
            groups.append(word[:-2])  # "a woman's opinion": the group, possessive
            out.append(GROUP_TAG)
            i += 1
            continue
        slur = lookup_slur(lex, sq, runs)
        if slur is not None:
            alone = not prev and not nxt  # 'Shut it, retard.': a vocative on its own
            # A slur that is also a word ('coon', 'dyke', 'fag') is never aimed at a person
            # beside a word of its other sense ('a coon up the tree', 'smoke a fag').
            person = not (slur.homonym and sq not in masked) or (
                (
                    alone
                    or prev in lex.homonym_person_context
                    or (prev == "of" and len(out) > 1 and out[-2] in hw.CROWD)
                    or (
                        (prev in hw.PERSON_CONTEXT or word.endswith("s"))
                        and nxt not in hw.NOT_PERSON_AFTER
                    )
                    # 'tranny freaks should be locked up': a slur as the subject of a clause
                    or (not prev and (nxt in lex.insult_nouns or nxt in hw.SUBJECT_NEXT))
                )
                # ... in the clause or anywhere in the message ('a raccoon, a coon as ...').
                and lex.homonym_senses.isdisjoint(clause)
                and lex.homonym_senses.isdisjoint(message)
            )
            slurs.append((slur, word, person))
            out.append(SLUR_TAG if person else word)
        elif sq in lex.adjectives and prev in hw.BE_WORDS and not nxt:
            groups.append(word)  # 'my new landlord is Jewish': a group named, 'they' after
            out.append(GROUP_TAG)
        elif hw.modifier(sq, nxt, lex.institutions) and (sq in lex.groups or sq in lex.singulars):
            out.append(word)  # 'the Chinese government', 'Korean food': not the people
        elif sq in lex.groups or (
            # 'a Jew', 'the only good Jew', 'a single decent Muslim': a determiner up to
            # three words before.
            sq in lex.singulars and not hw.DETERMINERS.isdisjoint(out[-3:])
        ):
            groups.append(word)
            out.append(GROUP_TAG)
        elif refer_back and word in _PRONOUNS:
            out.append(_PRONOUNS[word])
        elif refer_back and word in hw.REFERRING and (length := hw.refers(tokens, i)):
            out.append(PRONOUN_TAG)
            i += length
            continue
        else:
            out.append(word)
        i += 1
    return TaggedClause(" ".join(out), tuple(groups), tuple(slurs))


_TAG_KEYS: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def _tag_keys(lex: Lexicon) -> frozenset[str]:
    """Every squeezed word that can start a tag in :func:`tag_clause` (cached per lexicon)."""
    entry = _TAG_KEYS.get(id(lex))
    if entry is None or entry[0] is not lex:
        keys = {first for first, _ in lex.two_word_slurs} | {"being", "the"}
        keys |= {key.split(" ")[0] for key in lex.groups}
        keys |= set(lex.adjectives) | set(lex.slurs) | set(lex.groups) | set(lex.singulars)
        keys |= lex.pair_firsts
        entry = _TAG_KEYS[id(lex)] = (lex, frozenset(keys))
    return entry[1]
