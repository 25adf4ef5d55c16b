"""CI: the installed wheel answers from its own seeds and renders a digest from an empty folder.

Run by .ci/run with the wheel's own interpreter, from an empty temporary directory, with no
DIGESTBOT_* setting: everything must come from the package (seeds, templates, migrations).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

QUESTION = "How many people in North Korea can use the internet?"


def digestbot(*args: str) -> str:
    exe = Path(sys.executable).with_name("digestbot")
    done = subprocess.run([str(exe), *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"wheel check: digestbot {' '.join(args)} exited {done.returncode}: {done.stderr}")
    return done.stdout


def main() -> None:
    assert not any(Path.cwd().iterdir()), "run from an empty directory"
    assert not any(k.startswith("DIGESTBOT_") for k in os.environ), "no DIGESTBOT_* settings"
    answer = json.loads(digestbot("ask", QUESTION, "--json"))
    hits = answer["hits"]
    if not hits or "1,000 people" not in hits[0]["excerpt"]:
        sys.exit(f"wheel check: /ask did not answer from the shipped seed: {answer}")
    current = json.loads(digestbot("digest", "--json"))
    if "week" not in current or not isinstance(current.get("messages"), list):
        sys.exit(f"wheel check: the digest did not render: {current}")
    # The seed's posts are dated "about a year ago" from their first ingestion (now): that week's
    # digest must render from the shipped templates.
    year_ago = datetime.now(UTC) - timedelta(days=365)
    for offset in (0, -7, 7, -14, 14):
        year, number, _ = (year_ago + timedelta(days=offset)).isocalendar()
        week = json.loads(digestbot("digest", "--json", "--week", f"{year}-W{number:02d}"))
        if week["messages"]:
            text = digestbot("digest", "--week", week["week"])
            print(f"wheel check: ok (ask: {len(hits)} hits; digest {week['week']}: "
                  f"{len(week['messages'])} message(s), {len(text)} characters)")  # fmt: skip
            return
    sys.exit("wheel check: no week around a year ago has a digest of the seed's posts")


if __name__ == "__main__":
    main()
