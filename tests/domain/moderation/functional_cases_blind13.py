"""Blind batch 13 of functional cases: rule 3 only (see functional_cases.py for the format).

Written in full before the engine saw any of it: short, sarcastic and casual denial with typos,
and legitimate discussion with near-misses (doubts phrased as questions, quoted deniers,
rebuttals). The first-run accuracy is recorded in bench/bench_moderation.py (BLIND_FIRST_RUN).
"""

from __future__ import annotations

Case = tuple[str, str, int | None]

BATCH_13: list[Case] = [
    ("batch-13-denial", "lmao the famine thing is sooo overblown", 3),
    ("batch-13-denial", "nk prison camps r a myth bro", 3),
    ("batch-13-denial", "Oh no, the poor defectors had to skip a meal. Tragic. /s", 3),
    ("batch-13-denial", "every defector story is the same script, funny how that works", 3),
    ("batch-13-denial", "starvation in north korea? press X to doubt", 3),
    ("batch-13-denial", "the 'torture' is just western media fanfic", 3),
    ("batch-13-denial", "ppl starving in nk is such a hoax lol", 3),
    ("batch-13-denial", "Public executions are a CIA talking point, nothing more.", 3),
    ("batch-13-denial", "Yeah sure, and the camps have gas chambers too. Give me a break.", 3),
    ("batch-13-denial", "defectors will say literally anything for a book deal", 3),
    ("batch-13-denial", "The repatriated ones got what was coming to them tbh", 3),
    ("batch-13-denial", "imagine believing the gulag stories in 2024", 3),
    ("batch-13-denial", "Famine? They literally have the best food security in Asia.", 3),
    ("batch-13-denial", "the so called humanitarian crisis is a fairy tale for donors", 3),
    ("batch-13-denial", "prison camps sound like a nice retreat honestly", 3),
    ("batch-13-denial", "nobody in north korea is starving, stop lying", 3),
    ("batch-13-denial", "Detention there is no worse than a regular jail, people overreact.", 3),
    ("batch-13-denial", "hunger in the dprk is made up by the south to make them look bad", 3),
    ("batch-13-denial", "all those 'survivor' testimonies are fake af", 3),
    ("batch-13-denial", "torture claims = propaganda. next.", 3),
    ("batch-13-legitimate", "Is the famine death toll figure from the 90s reliable?", None),
    (
        "batch-13-legitimate",
        "A guy on reddit said the camps are a myth. He clearly never read the UN report.",
        None,
    ),
    ("batch-13-legitimate", "How do researchers verify defector testimony?", None),
    (
        "batch-13-legitimate",
        "The idea that the famine was exaggerated doesn't hold up against the census data.",
        None,
    ),
    ("batch-13-legitimate", "Satellite images of Camp 16 show new guard towers.", None),
    (
        "batch-13-legitimate",
        "Was that particular execution video ever confirmed, or could it be staged?",
        None,
    ),
    (
        "batch-13-legitimate",
        "Forced repatriation from China resumed after the border reopened.",
        None,
    ),
    ("batch-13-legitimate", "the famine stories from my grandma still haunt me", None),
    (
        "batch-13-legitimate",
        "People who call the prison camps propaganda should read Shin Dong-hyuk's account.",
        None,
    ),
    (
        "batch-13-legitimate",
        "Some defector accounts have been revised, which critics seize on.",
        None,
    ),
    ("batch-13-legitimate", "Torture in pretrial detention is routine according to HRW.", None),
    ("batch-13-legitimate", "Any good books on the North Korean prison camp system?", None),
    ("batch-13-legitimate", "lol no, the famine was absolutely real, millions died", None),
    (
        "batch-13-legitimate",
        "KCNA calls defectors 'human scum', which tells you everything.",
        None,
    ),
    (
        "batch-13-legitimate",
        "The regime says the camps are fake. The satellite photos disagree.",
        None,
    ),
    (
        "batch-13-legitimate",
        "Is the death toll of the famine overstated? Estimates differ a lot.",
        None,
    ),
    ("batch-13-legitimate", "Hunger remains widespread in rural North Korea, says the WFP.", None),
    (
        "batch-13-legitimate",
        "no one should have to survive what the camp prisoners went through",
        None,
    ),
    ("batch-13-legitimate", "Calling the gulags 'summer camps' is sick.", None),
    ("batch-13-legitimate", "Public executions were reported in Hyesan last spring.", None),
]
