"""Whether an excerpt says a number the question names, read as a member checking a claim.

The gate's ``number_missing`` (gate.py) is 1 when a number the question names is not among
the passage's index terms. Two readings say such a number after all (their data:
``bot/search/data/asked_check.json``):

- the same number written with thousands separators ("1000" / "1,000": the analyser splits
  "1,000" into "1" and "000");
- in a check question ("is it true ...", "did X really ...", "claim going around: ...", "fact
  check", "is that the right date?"), another number with the same unit after it ("a 100 mile
  border" / "a 10-mile border", "10%" / "28.7%") or the same month before it ("jan 26" /
  "Jan. 22"): a claim slightly wrong is answered by the sentence that corrects it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

_NUMBER = re.compile(r"(?<![\w.,])(\d[\d,]*(?:\.\d+)?)")
_AFTER = re.compile(r"\s*-?\s*(%|[a-z]+)")
_BEFORE = re.compile(r"([a-z]+)\.?\s*$")
_UNIT = 4  # units compare by their first letters ("mile" / "miles")


@dataclass(frozen=True)
class _Data:
    cues: re.Pattern[str]
    months: frozenset[str]
    not_units: frozenset[str]


@cache
def _data() -> _Data:
    path = resources.files("bot.search").joinpath("data", "asked_check.json")
    raw = json.loads(path.read_text(encoding="utf-8"))
    return _Data(
        re.compile("|".join(f"(?:{c})" for c in raw["cues"])),
        frozenset(raw["months"]),
        frozenset(raw["not_units"]),
    )


def is_check(question: str) -> bool:
    """Whether ``question`` checks a claim ("is it true ...", "did X really ...")."""
    return _data().cues.search(question.lower()) is not None


def _fold(number: str) -> str:
    """A number without its thousands separators ("1,000" -> "1000")."""
    return number.replace(",", "").rstrip(".")


def _units(text: str, start: int, end: int) -> tuple[str, str]:
    """The month before and the unit after the number at ``text[start:end]`` ("" if none)."""
    data = _data()
    after = _AFTER.match(text, end)
    unit = after.group(1) if after else ""
    unit = "" if unit in data.not_units else unit[:_UNIT]
    before = _BEFORE.search(text[max(0, start - 12) : start])
    month = before.group(1)[:3] if before else ""
    return (month if month in data.months else ""), unit


@lru_cache(maxsize=4096)
def _numbers(text: str) -> tuple[tuple[str, str, str], ...]:
    """Each number of ``text`` (folded) with its month before and its unit after."""
    lower = text.lower()
    return tuple(
        (_fold(m.group(1)), *_units(lower, m.start(1), m.end(1))) for m in _NUMBER.finditer(lower)
    )


def number_said(question: str, number: str, text: str) -> bool:
    """Whether ``text`` says the question's ``number`` (a digit token of the question) in
    another writing, or, in a check question, corrects it (another number, same unit)."""
    held = _numbers(text)
    if any(n == number for n, _, _ in held):
        return True
    if not is_check(question):
        return False
    for n, month, unit in _numbers(question):
        if n != number or not (month or unit):
            continue
        for _, other_month, other_unit in held:
            if (month and other_month == month) or (unit and other_unit == unit):
                return True
    return False


def numbers_said(question: str, numbers: list[str], text: str) -> bool:
    """Whether ``text`` says every number of ``numbers`` (number_said)."""
    return all(number_said(question, n, text) for n in numbers)


def question_numbers(question: str) -> list[str]:
    """The question's numbers as its digit tokens ("1000", "26")."""
    return [n for n, _, _ in _numbers(question) if n.isdigit()]


_SCALE = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9}
_WORDED = re.compile(
    r"\b(half an?|a half|an?|one|\d+(?:\.\d+)?)\s+(hundred|thousand|million|billion)\b"
)
_DIGITS = re.compile(r"(?<![\w.,])(\d[\d,]*(?:\.\d+)?)(?:\s+(hundred|thousand|million|billion))?")


def _worded(question: str) -> list[tuple[float, frozenset[str]]]:
    """The values the question writes in words ("half a million": 500,000) with their words."""
    out = []
    for m in _WORDED.finditer(question.lower()):
        lead = m.group(1)
        times = 0.5 if lead.startswith("half") or lead == "a half" else 1.0
        if lead[0].isdigit():
            times = float(lead)
        words = frozenset(lead.split()) | {m.group(2)}
        out.append((times * _SCALE[m.group(2)], words))
    return out


@lru_cache(maxsize=4096)
def _values(text: str) -> frozenset[float]:
    """The values ``text`` writes in digits ("1,000"; "7.51 million")."""
    out = set()
    for m in _DIGITS.finditer(text.lower()):
        value = float(_fold(m.group(1)) or 0)
        out.add(round(value * _SCALE.get(m.group(2) or "", 1.0), 3))
    return frozenset(out)


def worded_number_said(question: str, word: str, text: str) -> bool:
    """Whether ``word`` is part of a value the question writes in words ("half a million",
    "a thousand") that ``text`` writes in digits ("500,000", "1,000")."""
    if word not in _SCALE and word != "half":
        return False
    values = _values(text)
    return any(word in words and round(v, 3) in values for v, words in _worded(question))
