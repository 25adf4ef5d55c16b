"""The names built-in detectors report their hits under (no detector is loaded to know them)."""

HATE_FILTER_NAME = "builtin:rule1-hate"
SLUR_FILTER_NAME = "builtin:rule1-slurs"
MODEL_FILTER_NAME = "builtin:rule1-model"
HARASSMENT_FILTER_NAME = "builtin:rule2-harassment"
SPAM_FILTER_NAME = "builtin:rule2-spam"
DENIAL_FILTER_NAME = "builtin:rule3-denial"

#: Every name a built-in hit can carry (rule 1 reports statements, slurs and the trained model
#: apart), plus the per-guild spam tracker.
BUILTIN_FILTER_NAMES: tuple[str, ...] = (
    HATE_FILTER_NAME,
    SLUR_FILTER_NAME,
    MODEL_FILTER_NAME,
    HARASSMENT_FILTER_NAME,
    SPAM_FILTER_NAME,
    DENIAL_FILTER_NAME,
)
