"""Process-wide tuning of the running bot."""

from __future__ import annotations

import gc
import sys


def tune_for_event_loop() -> None:
    """Keep the bot's event loop responsive while worker threads compute (call once set up).

    - Everything alive now (models, lexicons, the index) leaves the cyclic GC's scans: a full
      collection over the start-up heap held the GIL for ~100-170 ms, and a worker thread's
      allocations can trigger one at any time. Frozen objects are still freed by reference
      counting; objects made later are still collected.
    - The GIL is handed over every 1 ms instead of 5: the loop thread waits for it after every
      system call, and with a busy worker thread those waits add up (measured: the worst loop
      delay during a 2,000-article ingest halves; bench/bench_event_loop.py).
    """
    gc.collect()
    gc.freeze()
    sys.setswitchinterval(0.001)
