"""Rule-2 spam read from a message's own text: mass @everyone, invite and scam links, link floods.

The per-guild SpamTracker judges what needs history (repeats, bursts, links over a minute) and
the mention counts Discord reports; this detector needs nothing but the text, so the shell,
`/filter test` and `moderate` catch '@everyone @everyone free nitro https://dlscord.gift/x'
too. Precision first: only a scam (a lookalike of Discord's or Steam's domains, or a
free-nitro / gift bait with a link) or mass mentions with a link remove; a lone @everyone, an
invite link or many links are flagged for a moderator.

Measured: no hit at all on 33,950 messages that are not spam (the rule-1 and rule-3 training
and dev files, every davidson-2017 tweet); there is no labelled spam set, so recall is only
what tests/moderation/domain/test_moderation_spam_text.py shows.
"""

from __future__ import annotations

import re

from bot.moderation.domain.names import SPAM_FILTER_NAME
from bot.moderation.domain.normalize import NormalizedText
from bot.moderation.domain.prefilter import prefiltered
from bot.moderation.domain.verdict import Action, FilterHit

_URL = re.compile(r"(?:https?://|www\.)[^\s<>()]+|\b(?:discord(?:app)?\.(?:gg|com|gift)/\S+)", re.I)
_HOST = re.compile(r"^(?:https?://)?(?:www\.)?([^/:?#\s]+)", re.I)
_MASS_MENTION = re.compile(r"@(?:everyone|here)\b", re.I)
_INVITE = re.compile(
    r"\b(?:discord(?:app)?\.com/invite|discord\.gg|dsc\.gg|invite\.gg|discord\.me)/\S+", re.I
)
_BAIT = re.compile(
    r"\b(?:free\s+(?:discord\s+)?nitro|nitro\s+(?:for\s+)?free|free\s+steam|steam\s+gift"
    r"|gift(?:ing)?\s+(?:\w+\s+)?nitro|claim\s+(?:your|it|now|here)|airdrop|free\s+skins?"
    r"|(?:crypto|nft)\s+giveaway|double\s+your\s+(?:crypto|btc|eth))\b",
    re.I,
)
# Domains scammers imitate; a host one or two letters away from one of them is a lookalike.
_GENUINE = ("discord.com", "discord.gg", "discord.gift", "discordapp.com", "steamcommunity.com",
            "steampowered.com")  # fmt: skip
_MANY_LINKS = 5
_FLOOD_LINKS = 10


def _distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, stopping early above ``limit`` (hosts are short)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def lookalike(host: str) -> str:
    """The genuine domain ``host`` imitates ('dlscord.gift' -> 'discord.gift'), or ''."""
    host = host.lower().rstrip(".")
    if host in _GENUINE or any(host.endswith("." + g) for g in _GENUINE):
        return ""
    for genuine in _GENUINE:
        if 0 < _distance(host, genuine, 2) <= 2:
            return genuine
    name = host.rsplit(".", 1)[0]
    if any(g.split(".")[0] in name and name != g.split(".")[0] for g in _GENUINE) and (
        "gift" in name or "nitro" in name or "steam" in name
    ):
        return "discord.gift"  # 'discord-nitro-gift.ru'
    return ""


def _clip(text: str, limit: int = 80) -> str:
    said = " ".join(text.split())
    return said if len(said) <= limit else said[: limit - 1] + "…"


class SpamTextDetector:
    """Rule 2: spam that a message's own text shows."""

    name = SPAM_FILTER_NAME
    rule = 2

    def detect(self, text: NormalizedText) -> list[FilterHit]:
        """Hits for one message (empty unless it has a link or an @everyone/@here)."""
        raw = text.original
        if "@" not in raw and "." not in raw:
            return []
        if "@" not in raw and raw.isascii():
            # Without '@' only a link can hit, and in ASCII text (where the patterns'
            # ignore-case matches only the letters' two cases) a link spells 'http', 'www.'
            # or 'discord' in some case: three substring tests instead of a regex scan.
            lowered = raw.lower()
            if "http" not in lowered and "www." not in lowered and "discord" not in lowered:
                return []
        links = _URL.findall(raw)
        mentions = _MASS_MENTION.findall(raw)
        if not links and not mentions:
            return []
        hits: list[FilterHit] = []
        for link in links:
            host = _HOST.match(link)
            imitated = lookalike(host.group(1)) if host else ""
            if imitated:
                hits.append(
                    _hit(Action.REMOVE, link, f"a scam link imitating {imitated} ('{_clip(link)}')")
                )
                break
        bait = _BAIT.search(raw)
        if not hits and bait and links:
            phrase = _clip(f"{bait.group(0)} … {links[0]}")
            hits.append(_hit(Action.REMOVE, phrase, f"a scam: '{bait.group(0)}' with a link"))
        if mentions:
            what = " ".join(m.lower() for m in mentions)
            if len(mentions) >= 2 and links:
                hits.append(_hit(Action.REMOVE, _clip(raw), f"mass mentions with a link ({what})"))
            else:
                hits.append(_hit(Action.FLAG, _clip(raw), f"mentions everyone ({what})"))
        invite = _INVITE.search(raw)
        if invite:
            hits.append(
                _hit(Action.FLAG, invite.group(0), f"an invite link ('{_clip(invite.group(0))}')")
            )
        if len(links) >= _MANY_LINKS:
            action = Action.REMOVE if len(links) >= _FLOOD_LINKS else Action.FLAG
            hits.append(
                _hit(
                    action,
                    f"{len(links)} links",
                    f"a link flood ({len(links)} links in one message)",
                )
            )
        return hits


def _hit(action: Action, matched: str, reason: str) -> FilterHit:
    return FilterHit(SPAM_FILTER_NAME, 2, action, _clip(matched), reason, shadow=False)


# The hottest searches ask an RE2 twin first: the same matches (prefilter.py).
_URL = prefiltered(_URL)
_INVITE = prefiltered(_INVITE)
