"""The gate's input: what a passage (with its title) matches of a question (gate.py reads it).

Its fields are the features training/gate_loso.py records and fits, in the order it records
them (a new feature is added last: rows recorded before it read 0 there until refreshed).
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class GateFeatures:
    """What a passage (with its title) matches of a question: the gate's input."""

    coverage: float  # share of the question's concept weight (squared idf) matched
    cosine: float  # cosine of the question's and the passage's embeddings
    matched: int  # concepts matched
    unmatched: int  # concepts not matched
    # 1 when the question asks for a kind of answer (a number, a date) the passage lacks.
    type_missing: int
    # 1 when a number the question names ("2022", "17") is not in the passage.
    number_missing: int
    # The rarest question word the passage matches: its idf over ln(articles + 1), so that it
    # reads the same in a small and a large archive ("Kuandian" matched says more than
    # "Korea" matched, however many articles mention Korea); the higher of that reading over
    # the whole archive and over the passage's own source (source_rarity.py).
    rarest_matched: float = 0.0
    # The same reading of the second rarest word matched: an answer usually matches two
    # specific words of the question, a chance match one ("won" in "who won the final").
    # A question of one word or name has no second: its one word matched counts twice.
    second_matched: float = 0.0
    # The share of the weight of the concepts the archive knows that the passage matches:
    # coverage without the words no passage could match ("ppl", "lol", a misspelling).
    known_coverage: float = 0.0
    # The sum of the squared rarities of the words matched: two rare words matched weigh more
    # than four common ones ("football", "world", "cup", "won" in a news agency's reports).
    rare_mass: float = 0.0
    # Query-performance prediction over the candidate list (the same for every passage of a
    # question; QueryContext): how far the best lexical score stands out from the second,
    # the spread of the first ten over their mean (NQC without the collection score), this
    # passage's lexical score over the best one, the best cosine of question and candidate,
    # and how far it stands above the candidates' mean cosine (WIG on the dense side).
    top_gap: float = 0.0
    nqc: float = 0.0
    relative: float = 0.0
    dense_best: float = 0.0
    dense_gap: float = 0.0
    # Answerability (focus.py): 1 when the question asks for a kind of fact (a wage, a
    # population, a company, a person) and the passage holds neither the asked-for noun nor
    # something of that kind; 1 when it holds nothing of that kind.
    focus_missing: int = 0
    filler_missing: int = 0
    # How far (in words, over 30, at most 1) the nearest filler stands from the question's
    filler_gap: float = 0.0  # own words ("workers in Russia" beside a wage, not three away).
    # The share of the question's relation concepts (not names or frame words) the passage
    relation_unmatched: float = 0.0  # does not match, and 1 when it matches none (relation.py).
    relation_missing: int = 0
    # Whether the passage holds the asked fact near the question's subject (asked_fact.py): 1
    # minus the best share of the question's subject words around a candidate answer of the
    # asked type (a name, a sum, a length, a date), and 1 when no candidate has half of them.
    fact_unmet: float = 0.0
    fact_missing: int = 0
    # relation_unmatched and fact_missing with words also said in other ways (soft_match.py).
    relation_soft: float = 0.0
    fact_soft: int = 0
    # fact_soft's candidate: not in a sentence of the subject; not a quoted speaker (weighs
    fact_apart: int = 0  # <= 0 as 1 - fact_role); not beside what a count question counts.
    fact_unquoted: int = 0
    fact_noun: int = 0
    # asked_beyond.py: the attribute asked beyond the story (a name, an age, a price) is not
    ask_missing: int = 0  # said near it; a scope the question sets ("right now") is unmet.
    scope_unmet: int = 0
    subject_apart: int = 0  # asked_subject.py: no clause holds a value with its subject
    # asked_outcome.py: the excerpt's sentences about the subject only ask it (echo), or only
    echo: int = 0  # plan, call for or foresee the outcome the question asks (outcome_unsaid).
    outcome_unsaid: int = 0
    rival_name: int = 0  # rival_name.py: a rival written where the question's name would stand

    def vector(self) -> tuple[float, ...]:
        """The features in field order."""
        return tuple(float(getattr(self, f.name)) for f in fields(self))


FEATURES = tuple(f.name for f in fields(GateFeatures))
