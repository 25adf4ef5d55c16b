"""Blind batch 15 of functional cases: rule 3 only (see functional_cases.py for the format).

Written in full before the engine saw any of it: denial and belittling with varied vocabulary for
the crisis (the 90s famine, the arduous march, kwanliso, labor camps, political prisoners,
gulags, refugees sent back, public executions, human rights reports, the UN report) and varied
dismissals, plus legitimate reporting, questions, doubts about one source, rebuttals and quoted
deniers. The first-run accuracy is recorded in bench/bench_moderation.py (BLIND_FIRST_RUN).
"""

from __future__ import annotations

Case = tuple[str, str, int | None]

BATCH_15: list[Case] = [
    ("batch-15-denial", "The Arduous March was a bit of belt tightening, not a famine.", 3),
    ("batch-15-denial", "kwanliso are basically farms with a fence, relax", 3),
    ("batch-15-denial", "Political prisoners in the DPRK? Name one that isn't a paid liar.", 3),
    ("batch-15-denial", "the UN report on north korea is a joke written by defectors for cash", 3),
    ("batch-15-denial", "labor camps in nk are just work programs, every country has them", 3),
    ("batch-15-denial", "Those human rights reports are pure fiction cooked up in Seoul.", 3),
    ("batch-15-denial", "refugees sent back to NK are fine, they just get a slap on the wrist", 3),
    (
        "batch-15-denial",
        "honestly the 90s famine death toll is wildly inflated, maybe a few thousand",
        3,
    ),
    ("batch-15-denial", "North Korean gulags don't exist, it's cold war fantasy", 3),
    ("batch-15-denial", "public executions in pyongyang? never happened, zero proof", 3),
    (
        "batch-15-denial",
        "The starvation narrative is just sanctions propaganda, people eat fine there.",
        3,
    ),
    ("batch-15-denial", "so a few traitors are in re-education, who cares", 3),
    (
        "batch-15-denial",
        "Camp 14 is a fabrication, Shin admitted he lied so the whole thing collapses.",
        3,
    ),
    ("batch-15-denial", "NK human rights abuses are wildly exaggerated by the west", 3),
    ("batch-15-denial", "the defectors who got repatriated deserved whatever they got", 3),
    (
        "batch-15-legitimate",
        "The Arduous March killed somewhere between 240,000 and 3.5 million people.",
        None,
    ),
    ("batch-15-legitimate", "What is the difference between a kwanliso and a kyohwaso?", None),
    (
        "batch-15-legitimate",
        "I don't trust that tabloid's execution story, but the UN report is solid.",
        None,
    ),
    (
        "batch-15-legitimate",
        "Saying the labor camps are 'just work programs' ignores every survivor account.",
        None,
    ),
    (
        "batch-15-legitimate",
        "New HRNK report estimates 80,000 to 120,000 political prisoners.",
        None,
    ),
    (
        "batch-15-legitimate",
        "My uncle insists the famine never happened; I sent him the COI report.",
        None,
    ),
    ("batch-15-legitimate", "China sent back 600 refugees last October, per HRW.", None),
    (
        "batch-15-legitimate",
        "Is there any independent verification of the public execution numbers?",
        None,
    ),
    (
        "batch-15-legitimate",
        "Some gulag death toll estimates seem too high to me, what's the methodology?",
        None,
    ),
    (
        "batch-15-legitimate",
        "KCNA claims the human rights reports are fabricated, as usual.",
        None,
    ),
    ("batch-15-legitimate", "the starvation during the 90s was not exaggerated at all", None),
    ("batch-15-legitimate", "Who cares what the regime says, the camps are documented.", None),
    (
        "batch-15-legitimate",
        "Shin changed parts of his story, but Camp 14 itself is well documented.",
        None,
    ),
    ("batch-15-legitimate", "Defectors describe the famine years as a nightmare.", None),
    (
        "batch-15-legitimate",
        "it's not propaganda to report that political prisoners are starved",
        None,
    ),
]
