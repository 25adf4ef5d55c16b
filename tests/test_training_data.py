"""Training is not testing: nothing under training/ reads a regression case file, and no
regression case is also a training example."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from tests.support import REPO

TRAINING = REPO / "training"
TRAINING_DATA = TRAINING / "data"
TESTS = REPO / "tests"


def training_inputs() -> list[Path]:
    """Every labelled file a trainer or tuner may read (blind evaluation sets excluded)."""
    return sorted(
        p
        for p in TRAINING_DATA.rglob("*")
        if p.suffix in (".jsonl", ".json") and "blind" not in p.relative_to(TRAINING_DATA).parts
    )


def regression_case_files() -> list[Path]:
    return sorted(p for p in TESTS.rglob("*.jsonl")) + sorted(TESTS.rglob("*cases*.py"))


def _texts(path: Path) -> set[str]:
    texts: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if isinstance(row, dict):
            for key in ("text", "question"):
                if isinstance(row.get(key), str):
                    texts.add(_norm(row[key]))
    return texts


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.casefold()).strip()


def test_there_is_something_to_check() -> None:
    assert len(training_inputs()) >= 10
    assert any(p.name == "functional.jsonl" for p in regression_case_files())


def test_no_training_input_is_a_regression_case_file() -> None:
    inputs = {p.resolve() for p in training_inputs()}
    cases = {p.resolve() for p in regression_case_files()}
    assert not inputs & cases
    assert all(TESTS.resolve() not in p.parents for p in inputs)


def test_training_code_never_reads_the_tests() -> None:
    for script in TRAINING.rglob("*.py"):
        source = script.read_text(encoding="utf-8")
        assert "tests/" not in source.replace("bench/", ""), f"{script.name} mentions tests/"
        assert not re.search(r"^\s*(from|import)\s+tests\b", source, re.M), script.name


def test_no_regression_case_text_is_a_training_example() -> None:
    training_texts: set[str] = set()
    for path in training_inputs():
        if path.suffix == ".jsonl":
            training_texts |= _texts(path)
    shared = {
        text
        for path in regression_case_files()
        if path.suffix == ".jsonl"
        for text in _texts(path)
        if text in training_texts
    }
    assert not shared, (
        f"{len(shared)} regression cases are also training examples: {sorted(shared)[:5]}"
    )


def _message_key(text: str) -> str:
    """Lower case, punctuation dropped: how a copied example is recognised."""
    return " ".join(re.findall(r"[a-z0-9']+", text.lower()))


def test_no_rule_record_example_is_a_labelled_message() -> None:
    """Record examples in bot/moderation/rules are written for the record, never copied from a
    rule-1 or rule-3 training or development file (blind folders are not read)."""
    labelled: dict[str, str] = {}
    for path in training_inputs():
        if path.suffix != ".jsonl" or not path.relative_to(TRAINING_DATA).parts[0].startswith(
            "rule"
        ):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line.strip() else None
            if isinstance(row, dict) and isinstance(row.get("text"), str):
                labelled.setdefault(_message_key(row["text"]), str(path.relative_to(REPO)))
    assert len(labelled) > 1000
    copied = []
    rule_files = sorted((REPO / "bot/moderation/rules").glob("*.yaml"))
    assert rule_files
    for rules in rule_files:
        for record in yaml.safe_load(rules.read_text(encoding="utf-8"))["records"]:
            for key in ("must_match", "must_not_match"):
                for example in record.get(key) or []:
                    text = example if isinstance(example, str) else example.get("text", "")
                    if _message_key(text) in labelled:
                        where = labelled[_message_key(text)]
                        copied.append(f"{rules.name} {record['id']} {key}: {text!r} is in {where}")
    assert not copied, f"{len(copied)} record examples copy a labelled message:\n" + "\n".join(
        copied[:20]
    )
