"""What a run tells the user while it works (a progress bar on a terminal) and when it ends."""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Callable
from typing import TextIO

# Redraws per second at most: enough to look live, cheap at thousands of files a second.
REFRESH_SECONDS = 0.2


@dataclasses.dataclass
class Tally:
    """Counts of one run (mutable: the run adds to it as files finish)."""

    cleaned: int = 0
    failed: int = 0
    skipped: int = 0  # already done, with --resume
    filtered: int = 0  # cleaned, but left out by --min-confidence / --kinds
    nbytes: int = 0
    started: float = dataclasses.field(default_factory=time.monotonic)

    def summary(self) -> str:
        seconds = max(time.monotonic() - self.started, 1e-9)
        text = f"{self.cleaned} cleaned, {self.failed} failed"
        if self.filtered:
            text += f", {self.filtered} skipped by --min-confidence/--kinds"
        if self.skipped:
            text += f", {self.skipped} already done"
        return (
            f"{text} in {seconds:.1f} s ({(self.cleaned + self.failed + self.filtered) / seconds:.1f} files/s, "
            f"{self.nbytes / seconds / 1e6:.2f} MB/s)"
        )


class Bar:
    """A tqdm bar on `stream`: files done/total, files/s, MB/s, failures so far.

    The total comes from a second, cheap walk over the inputs in a background thread, so
    cleaning starts at once; until that walk ends the bar shows no total.
    """

    def __init__(self, stream: TextIO, count_inputs: Callable[[], int] | None):
        from tqdm import tqdm  # imported here: runs without a terminal never need it

        self._bar = tqdm(
            total=None, unit=" files", file=stream, dynamic_ncols=True, mininterval=REFRESH_SECONDS, smoothing=0.05
        )
        self._total: list[int] = []
        if count_inputs is not None:
            threading.Thread(target=lambda: self._total.append(count_inputs()), daemon=True).start()
        self._last = 0.0

    def update(self, tally: Tally) -> None:
        if self._total and self._bar.total is None:
            self._bar.total = self._total[0]
        self._bar.update(1)
        now = time.monotonic()
        if now - self._last >= REFRESH_SECONDS:
            self._last = now
            rate = tally.nbytes / max(now - tally.started, 1e-9) / 1e6
            self._bar.set_postfix_str(f"{rate:.2f} MB/s, {tally.failed} failed", refresh=False)

    def write(self, message: str) -> None:
        """A message above the bar (not through it)."""
        self._bar.write(message)

    def close(self) -> None:
        self._bar.close()


class NoBar:
    """Silence, when stderr is not a terminal or with --quiet."""

    def __init__(self, stream: TextIO):
        self._stream = stream

    def update(self, tally: Tally) -> None:
        pass

    def write(self, message: str) -> None:
        print(message, file=self._stream)

    def close(self) -> None:
        pass
