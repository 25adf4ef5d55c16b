"""Words written with letters starred out ('k*ke', 'g**ks', 'tr*nny'): the one group name or
strong slur each spells. Used by hate_segment.WordRepair and detectors_hate.HateDetector."""

from __future__ import annotations

import re

from bot.moderation.domain.hate_lexicon import Lexicon
from bot.moderation.domain.hate_reading import quoted_word
from bot.moderation.domain.hate_spelling import written_terms
from bot.moderation.domain.normalize import NormalizedText, squeeze


class StarredWords:
    """Unmasks starred words against the lexicon's group names and strong slurs as people
    write them: never a squeezed key or a derived misspelling ('g**ks' is no 'greks', the
    squeezed 'greeks')."""

    def __init__(self, lexicon: Lexicon) -> None:
        spelled_out = {s.word for s in lexicon.slurs.values() if s.strong}
        self._by_length: dict[int, list[str]] = {}
        for target in written_terms() | spelled_out:
            if target.isalpha():
                self._by_length.setdefault(len(target), []).append(target)
        self._slur_words = frozenset(spelled_out)
        # Every slur as written, weak ones too, and its group: the loose reading below stands
        # only when every slur a starred word can spell is of one group ('nig**s').
        self._slur_group = {s.word: s.group for s in lexicon.slurs.values() if s.word.isalpha()}

    def unmask(self, token: str) -> str | None:
        """The one group name or strong slur a word with letters starred out spells
        ('k*ke', 'n*ggers'), else None: at least two letters must show, first one included."""
        letters = token.replace("*", "")
        if token[0] == "*" or len(letters) < 2 or len(letters) * 2 < len(token):
            return None
        pattern = re.compile(re.escape(token).replace(r"\*", "[a-z]"))
        found = {t for t in self._by_length.get(len(token), ()) if pattern.fullmatch(t)}
        if found:
            return found.pop() if len(found) == 1 else None
        return self._unmask_loosely(token)

    def _unmask_loosely(self, token: str) -> str | None:
        """A starred word no term of its length fits, read when a run of stars may hide one to
        three letters: the one strong slur it can spell, when every slur it can spell (weak
        ones too, at its own length) is of that slur's group. 'nig**s' is 'niggas' or
        'niggers', one slur (round 16b left it unread); 'ho*s' is 'hoes' or 'homos', two."""
        exact = re.compile(re.escape(token).replace(r"\*", "[a-z]"))
        loose = re.compile(re.sub(r"(?:\\\*)+", "[a-z]{1,3}", re.escape(token)))
        strong = {
            t
            for length in range(len(token) + 1, len(token) + 7)
            for t in self._by_length.get(length, ())
            if loose.fullmatch(t)
        }
        if len(strong) != 1:
            return None
        only = strong.pop()
        if only not in self._slur_words:
            return None
        group = self._slur_group.get(only)
        weak = {
            g for w, g in self._slur_group.items() if len(w) == len(token) and exact.fullmatch(w)
        }
        return only if weak <= {group} else None

    def slurs(self, text: NormalizedText) -> frozenset[str]:
        """The squeezed slurs ``text`` writes starred out ('ch*nk'): always the slur's sense,
        for nobody stars out the other sense of a slur that is also a word ('a chink of
        light', 'smoke a fag')."""
        if "*" not in text.original:  # a C substring test on every message
            return frozenset()
        found = set()
        for token in text.tokens:
            if "*" in token and len(token) > 1:
                unmasked = self.unmask(token)
                if unmasked is not None and unmasked in self._slur_words:
                    found.add(squeeze(unmasked)[0])
        return frozenset(found)

    def quoted(self, text: NormalizedText, word: str) -> bool:
        """Whether slur ``word`` stands alone in quote marks in ``text``, as written or starred
        ('posting "g**ks" in #general' mentions the slur: the repair drops the quote marks)."""
        if quoted_word(text.original, word):
            return True
        return "*" in text.original and any(
            quoted_word(text.original, t)
            for t in text.tokens
            if "*" in t and self.unmask(t) == word
        )
