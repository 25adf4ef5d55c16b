"""Questions about the seed articles with a phrase the answering excerpt must contain."""

SEED_QUESTIONS: list[tuple[str, str]] = [
    ("How many people in North Korea can use the internet?", "fewer than 1,000 people"),
    ("How many mobile connections are there in North Korea?", "7.51 million mobile connections"),
    ("How many monthly searches does the keyword North Korea get?", "500,000 searches"),
    ("Why are defectors in China growing pessimistic?", "pessimistic"),
    ("What happened to the safe houses of workers defecting from Russia?", "safe houses"),
    ("When did authorities order North Korean companies in Russia to report?", "Jan. 22"),
    ("How much has cooperation with Russian intelligence increased?", "tenfold"),
    ("Is Kim Yo-jong ready to take over?", "ready to take over"),
    ("What does Russia plan to build to showcase goods from North Korea and China?", "trade park"),
    ("Which resolution bans North Koreans from working overseas?", "Resolution 2397"),
    ("How long is the border Russia shares with North Korea?", "10-mile (17-km) border"),
    ("What was the first rail shipment between North Korea and Russia?", "30 horses"),
    ("Where was the body of the drowned man recovered?", "Ganghwa Island"),
    ("Will the drowned man's body be cremated?", "cremated"),
    ("What was the white powder the drowned man carried?", "skin disease"),
    ("Why did the man have styrofoam on his body?", "styrofoam"),
    ("How many North Koreans are languishing in Chinese prisons?", "1,500 North Koreans"),
    (
        "What new structures did satellite imagery show at the Helong facility?",
        "two new structures",
    ),
    ("How far is the Hunchun detention facility from the border?", "five miles"),
    ("How many testimonies of Helong detainees has NKDB recorded?", "27 North Koreans"),
    ("What did Elizabeth Salmon write about repatriated defectors?", "criminals"),
    ("When did North Korea stop answering the hotline calls?", "early April"),
]

OFF_TOPIC_QUESTIONS: list[str] = [
    "How do I bake sourdough bread?",
    "Who won the football world cup?",
    "What is the best recipe for chocolate chip cookies?",
    "Which team won the Champions League final?",
    "How do I install Python on Windows?",
    "What is the capital of Australia?",
]
