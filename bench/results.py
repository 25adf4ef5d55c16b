"""Keep one benchmark's section of bench/RESULTS.md current, leaving the others alone; and find
the shared public data the benches read."""

from __future__ import annotations

from pathlib import Path


def shared_data(repo: Path) -> Path:
    """../shared/data beside the checkout, or beside its parent (a worktree under /work/wt/);
    the first of the two when neither exists (see ``require``)."""
    candidates = [base / "shared" / "data" for base in (repo.parent, repo.parent.parent)]
    return next((path for path in candidates if path.is_dir()), candidates[0])


def require(*paths: Path) -> None:
    """Exit with a clear message, before any work starts, when a data file is missing (a bench
    that fails half-way can leave child processes behind)."""
    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        raise SystemExit(f"data not found: {', '.join(missing)}")


def replace_section(path: Path, name: str, body: str) -> None:
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    block = f"{start}\n{body.rstrip()}\n{end}"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        _, after = rest.split(end, 1)
        text = before + block + after
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")
