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

# Batch 13b: written after the batch-13 fixes (commit cea585c) and run on that engine once,
# blind: other crisis topics (repatriation, executions, believers mocked, typos).
BATCH_13B: list[Case] = [
    ("batch-13b-denial", "forced repatriation is just china enforcing its borders, cry harder", 3),
    ("batch-13b-denial", "public executions keep people in line, nothing wrong there", 3),
    ("batch-13b-denial", "torture? in nk? lol they just slap a few thieves", 3),
    ("batch-13b-denial", "those 'refugees' are economic migrants, not victims", 3),
    ("batch-13b-denial", "the famine is ancient history, get over it", 3),
    ("batch-13b-denial", "camp prisoners eat better than american homeless lol", 3),
    ("batch-13b-denial", "defectors = liars, simple as", 3),
    ("batch-13b-denial", "the UN report is based on like 80 paid interviews, worthless", 3),
    ("batch-13b-denial", "boo hoo the defectors miss their kimchi", 3),
    ("batch-13b-denial", "north korea doesnt starve anyone, sanctions do", 3),
    ("batch-13b-denial", "ppl who believe the gulag stuff are so gullible", 3),
    ("batch-13b-denial", "famine was greatly exagerated by western media", 3),
    ("batch-13b-denial", "there r no political prisoners in the dprk, just criminals", 3),
    ("batch-13b-denial", "executions in nk are a meme at this point", 3),
    ("batch-13b-denial", "repatriated defectors are fine, they just get a slap on the wrist", 3),
    (
        "batch-13b-legitimate",
        "Forced repatriation from China puts defectors at risk of torture.",
        None,
    ),
    (
        "batch-13b-legitimate",
        "How reliable is the 'paid interviews' criticism of the UN COI?",
        None,
    ),
    (
        "batch-13b-legitimate",
        "Sanctions made the food situation worse, but the regime's policies caused the famine.",
        None,
    ),
    (
        "batch-13b-legitimate",
        "Some say the famine is ancient history; survivors say otherwise.",
        None,
    ),
    ("batch-13b-legitimate", "I wonder how many were executed in 2023.", None),
    ("batch-13b-legitimate", "People dismiss defector testimony way too easily.", None),
    ("batch-13b-legitimate", "Is it true that camp 22 was closed?", None),
    ("batch-13b-legitimate", "The regime calls defectors traitors and liars.", None),
    (
        "batch-13b-legitimate",
        "Executions in NK are no joke, they're used to terrorize whole towns.",
        None,
    ),
    ("batch-13b-legitimate", "The famine was partly caused by the collapse of Soviet aid.", None),
    ("batch-13b-legitimate", "Honestly the 'defectors are paid' argument is lazy.", None),
    ("batch-13b-legitimate", "Any estimate of how many starved in 1997?", None),
    ("batch-13b-legitimate", "lol imagine defending the camps, tankies are wild", None),
    ("batch-13b-legitimate", "Thanks for posting the HRW report on detention.", None),
    ("batch-13b-legitimate", "My grandma survived the famine by eating tree bark.", None),
]

# Batch 14: written after batch 13b's fixes (commit e6f13a9) and run on that engine once,
# blind.
BATCH_14: list[Case] = [
    ("batch-14-denial", "north koreans arent starving, theyre just skinny asians lol", 3),
    (
        "batch-14-denial",
        "the camps are where they put rapists and murderers, like everywhere else",
        3,
    ),
    ("batch-14-denial", "Honestly the executions are overhyped by the daily mail", 3),
    ("batch-14-denial", "Shin Dong-hyuk admitted he lied so the whole camp thing is bogus", 3),
    ("batch-14-denial", "u really think kim tortures people? wake up", 3),
    ("batch-14-denial", "repatriation is normal, every country deports illegals", 3),
    ("batch-14-denial", "defectors just want attention and money from the south", 3),
    ("batch-14-denial", "lol 'human rights abuses' ok sure", 3),
    ("batch-14-denial", "The gulags are a lie pushed by the NED", 3),
    (
        "batch-14-legitimate",
        "Shin Dong-hyuk changed parts of his story, but the camps are confirmed by many others.",
        None,
    ),
    ("batch-14-legitimate", "Does anyone know if the 2014 COI report has been updated?", None),
    ("batch-14-legitimate", "hunger in nk got worse during covid border closures", None),
    (
        "batch-14-legitimate",
        "I used to think the camps were exaggerated until I read Escape from Camp 14.",
        None,
    ),
    ("batch-14-legitimate", "wake up people, the camps are real and still running", None),
    (
        "batch-14-legitimate",
        "The Daily Mail has run some dubious execution stories, be careful.",
        None,
    ),
    (
        "batch-14-legitimate",
        "Every country deports people, but sending defectors back to NK means torture.",
        None,
    ),
    (
        "batch-14-legitimate",
        "big whoop that the regime denies it, the evidence is overwhelming",
        None,
    ),
    (
        "batch-14-legitimate",
        "Defectors get resettlement money from the South; that doesn't make them liars.",
        None,
    ),
    ("batch-14-legitimate", "lol the regime's 'we have no prisoners' line is so transparent", None),
]

# 'a few people went hungry in the 90s, big whoop' was kept out of these cases when only the
# patterns existed (no North Korea or crisis word to rely on); the rule-3 model now catches it
# (test_moderation_denial_model.py).
