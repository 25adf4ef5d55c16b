"""Rule 1 on a reply: a message that quotes ('> ' lines) and then speaks (its own lines).

A reply whose own lines name a group is judged on them; what it quotes counts only through
the trained model (a rebuttal of '> women can't read maps' is not the quote's words), unless
the own lines agree with it ('say it louder'): then its hits are flagged as the speaker's. Own lines
that name no group speak of what they quote: a quote rule 1 finds nothing in is their subject
('> female pilots in the air force' / 'no wonder the planes crash'), read as one text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from bot.moderation.domain.attribution import agrees_in_reply, endorsed, reply_lines
from bot.moderation.domain.names import MODEL_FILTER_NAME
from bot.moderation.domain.normalize import NormalizedText, normalize
from bot.moderation.domain.verdict import Action, FilterHit


def judged_reply(
    text: NormalizedText,
    detect: Callable[[NormalizedText], list[FilterHit]],
    names_group: Callable[[tuple[str, ...]], bool],
) -> list[FilterHit]:
    """``detect``'s hits for ``text``, read as a reply when it is one (``names_group``: whether
    squeezed tokens name a protected group or use a slur)."""
    own = reply_lines(text.original)
    if own is None:
        return detect(text)
    if names_group(normalize(own).squeezed_tokens):
        mine = detect(normalize(own))
        return mine or [h for h in detect(text) if h.filter_name == MODEL_FILTER_NAME]
    head = text.original[: len(text.original) - len(own)]
    quoted = "\n".join(line.lstrip("> ").strip() for line in head.splitlines())
    found = detect(normalize(quoted))
    if not found:
        return detect(normalize(quoted.rstrip(".!?") + ". " + own))
    if endorsed(own) or agrees_in_reply(own):  # '> X are all thieves' / 'say it louder', 'this'
        return [
            replace(h, action=Action.FLAG, reason="endorses a quoted line: " + h.reason)
            for h in found
        ]
    return [h for h in detect(text) if h.filter_name == MODEL_FILTER_NAME]
