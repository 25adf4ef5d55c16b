"""Train the rule-3 model (denying or belittling the crisis vs not) and write its weights as JSON.

Usage: /work/venv/bin/python training/train_rule3.py [--generic 1500] [--dry-run] [--no-lowo]

Training data, all written for digestbot (MIT, like the project):
- training/data/rule3/train_*.jsonl: labelled statements ({"text", "label": denial|ok|legit,
  "kind"}; 'denial' is positive, every other label and kind, other_rule_* included, negative),
  each file by a different author with a different emphasis (famine, camps, witnesses). Since
  round 22 (moderation56) that is every writer's file (24: the topic files and train_writer_*;
  NOT_FITTED emptied) and the 32 rule-3 sets run once as blind before 2026-12-07v
  (train_seen_blind_2026_12_05 ... _07u, moved out of dev/): 56 writers, 20,000 rows with the
  tweets. Later seen_blind sets (07v, 07w, ...) stay in dev/ as development data;
- with --generic N, N davidson-2017 tweets (MIT) as negatives: everyday chat the model must not
  read as denial (needs /work/shared/data; the default when it is present).
training/data/rule3/blind/ is never read here: it is the blind evaluation set (training/eval_dev.py
--final --blind runs the whole engine on it, once, when the code is frozen).

Round 22 (bench/RESULTS.md, moderation56; training/rule3_candidates.py, candidate c): held out
by writer (8 writer folds over the 56 writers, the whole engine, flag bar 0.60) this fit caught
7,104 of 8,640 denials and allowed 8,940 of 9,658 plain ok lines (balanced 0.864 -> 0.874 against
the round-21 fit), with 9 plain ok lines removed (7 before); rule-1 dev ok lines and 2,000
tweets hit by rule 3: 426 -> 372 of 7,709. On 07v / 07w (fitted by no candidate): denials
73 -> 74/120 and 92 -> 94/120, plain ok 91 -> 90/96 and 98 -> 100/103. Shipped at the flag bar
0.60 (veto and removal bars unchanged) by the lead's call.

The model is a logistic regression over the normalised tokens the engine sees at run time
(bot.moderation.domain.model.scoped_stance_features: words, word pairs, stems, quotes,
questions, and the stance features of bot/moderation/rules/rule3_stance.yaml, with words in a
negator's reach or a reported clause marked: bot/moderation/data/rule3_marks.json). It prints leave-one-author-out
scores (train without one file, test on it), the figure that says how the model copes with
phrasings it has not seen, and writes bot/moderation/data/rule3_model.json.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


from bot.moderation.domain.denial_context import own_lines  # noqa: E402
from bot.moderation.domain.model import FEATURIZERS  # noqa: E402
from bot.moderation.domain.normalize import normalize  # noqa: E402
from training.linear_training import (  # noqa: E402
    Example,
    TrainingSet,
    read_labelled,
    train_and_write,
    training_arguments,
)

DATA = ROOT / "training/data/rule3"
OUT = ROOT / "bot/moderation/data/rule3_model.json"
DAVIDSON = Path("/work/shared/data/davidson-2017/tweets.jsonl")
SEED = 13


#: The sets run once as blind and then fitted (round 22): train_seen_blind_*. They are read
#: after the writers' files (the order round 22's fit had) and teach no minimal pairs (06k's
#: 'pair' field was not read in that fit).
SEEN = "train_seen_blind_"


def written() -> list[Example]:
    """The labelled statements, grouped by file (one writer each): the writers' files, then the
    seen_blind sets. A reply that quotes what it answers ('> line' then the answer) is learnt
    from its own lines, as the detector reads it (denial_replies.reply_reading): the quoted
    line's stance is not the member's."""
    rows = read_labelled(DATA, "denial")
    ordered = [r for r in rows if not r[2].startswith(SEEN)] + [
        r for r in rows if r[2].startswith(SEEN)
    ]
    return [(_own(text), label, group) for text, label, group in ordered]


def _own(text: str) -> str:
    """The member's own lines of a message that quotes lines ('> ...'), else the message."""
    return own_lines(normalize(text)).original


def shuffled_tweets() -> list[str]:
    """Every davidson-2017 tweet in a seeded order: the first ``--generic`` train, the rest
    are left for evaluation (training/eval_dev.py)."""
    if not DAVIDSON.is_file():
        return []
    texts = [json.loads(line)["text"] for line in DAVIDSON.open(encoding="utf-8")]
    random.Random(SEED).shuffle(texts)
    return texts


def generic(count: int) -> list[Example]:
    """Everyday chat (davidson-2017 tweets) as negatives, a seeded sample."""
    return [(text, 0, "generic") for text in shuffled_tweets()[: max(0, count)]]


#: The featurizer (a bot.moderation.domain.model.FEATURIZERS key) and fit settings. Round 16
#: (moderation34): 'statement+stance+scope' marks the words in a negator's reach '!word'
#: (bot.moderation.domain.denial_marks; data/rule3_marks.json). Leave-one-writer-out over 18
#: writers (A-S, pairs 1.0, the whole engine, flag bar 0.60): 'statement+stance' caught 3,177
#: of 4,170 denials and allowed 4,901 of 5,390 ok messages (balanced 0.8356); with negation
#: and reporting marks ('^word' for a reported clause) 3,190 / 4,911 (0.8381); negation marks
#: alone (shipped) 3,199 / 4,913 (0.8393); both, plain words kept beside the marked ones,
#: 3,192 / 4,909 (0.8381). Round 17 (moderation38, writers A-U, 4,370 / 5,590, bar 0.60):
#: the stance records report_endorsed and policy_view (rule3_stance.yaml) took LOWO from
#: 3,346 / 5,083 to 3,356 / 5,082 (0.8375 -> 0.8385); report_endorsed alone 3,344 / 5,086.
#: Round 18 (moderation41, writers A-X, 4,470 / 5,690): seven more stance records (victims
#: jeered, famine history played down, whataboutism's conclusion, 'both sides' framing, abuse
#: excused) took LOWO at 0.60 from 3,435 / 5,173 to 3,440 / 5,182; at the bar 0.55, 3,473 / 5,150.
FEATURIZER = "statement+stance+scope"
C = 3.0
MIN_DF = 2


#: Weight of each minimal pair's contrastive row (linear_training.fit): the twins' shared
#: words cancel, so a pair teaches only what differs between them, the stance. Round 11 (only
#: writer H had pairs) measured it off. Round 15 (moderation31: writers H, M, O and Q hold 800
#: pairs), leave-one-writer-out over 17 writers at the flag bar 0.475: 0 -> 1.0 caught 3,122 ->
#: 3,133 of 3,970 denials, allowed 4,687 -> 4,679 of 5,190 ok (balanced 0.8447 -> 0.8454;
#: 3.0: 3,133 / 4,672); at the bar 0.70 (denial_model.THRESHOLD): 3,007 / 4,791 -> 3,018 / 4,783.
PAIR_WEIGHT = 1.0


def minimal_pairs(rows: list[Example]) -> list[tuple[int, int]]:
    """(denial, ok) row indices of the minimal pairs (rows with a ``pair`` field) in ``rows``,
    matched by file and pair number. Both twins are in one file, so leaving a writer out
    leaves out both: no pair is split between training and testing."""
    twins: dict[tuple[str, int], dict[int, int]] = {}
    index = {(group, text): i for i, (text, _, group) in enumerate(rows)}
    for path in sorted(DATA.glob("train_*.jsonl")):
        if path.stem.startswith(SEEN):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            if "pair" not in row:
                continue
            i = index.get((path.stem, _own(row["text"])))
            if i is not None:
                twins.setdefault((path.stem, int(row["pair"])), {})[rows[i][1]] = i
    return [(t[1], t[0]) for t in twins.values() if set(t) == {0, 1}]


def training_rows(generic_count: int = 1500, pair_weight: float | None = None) -> TrainingSet:
    """Everything the shipped model is fitted on (training/eval_dev.py refits without a file)."""
    rows = written() + generic(generic_count)
    weight = PAIR_WEIGHT if pair_weight is None else pair_weight
    return TrainingSet(rows, FEATURIZER, C, MIN_DF, minimal_pairs(rows), weight)


def main() -> None:
    args = training_arguments(__doc__).parse_args()
    rows = written() + generic(args.generic)
    train_and_write(
        args,
        rows,
        (FEATURIZER, FEATURIZERS[FEATURIZER]),
        OUT,
        "Logistic regression, denying or belittling the humanitarian crisis in North Korea "
        "(rule 3) vs not, trained by training/train_rule3.py on statements written for digestbot "
        "(training/data/rule3/train_*.jsonl, the seen_blind sets before 2026-12-07v included), "
        "and davidson-2017 "
        "tweets as everyday negatives (MIT licence). Features: normalised words, 'a b' pairs, "
        "'~' stems, _quote and _question, and '_s:' stance features from "
        "bot/moderation/rules/rule3_stance.yaml, with the words in a negator's reach written "
        "'!word' (bot/moderation/data/rule3_marks.json; bot.moderation.domain.model."
        "scoped_stance_features). Minimal pairs (field 'pair') also teach the difference of "
        "their twins (training.linear_training.fit).",
        "denial caught, legitimate allowed",
        minimal_pairs(rows),
        PAIR_WEIGHT,
    )


if __name__ == "__main__":
    main()
