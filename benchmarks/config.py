"""Every option of a benchmark run in one immutable object, with the defaults of a full run."""
from __future__ import annotations

import os
import pathlib
from dataclasses import dataclass

HERE = pathlib.Path(__file__).resolve().parent


def default_cpu() -> int | None:
    """The highest core this process may use: children are pinned there, one at a time."""
    if not hasattr(os, "sched_getaffinity"):
        return None
    return max(os.sched_getaffinity(0))


@dataclass(frozen=True)
class BenchConfig:
    reps: int = 3                        # timed passes after the warm-up pass
    quick: bool = False                  # --quick: for iterating (the report says so)
    page_timeout: float = 30.0           # seconds; a page past it is an empty output
    system_timeout: float = 3600.0       # seconds for one child (one system on one corpus)
    systems: tuple[str, ...] = ()        # only these systems (empty: all)
    pages: int | None = None             # only the first N pages of each corpus
    scales: tuple[int, ...] = (1, 2, 4, 8)  # corpus copies, for the scaling and command-line runs
    scaling: bool = True
    cli: bool = True
    cli_jobs: tuple[int, ...] = (1, 2)   # `cleanarticle -j N` settings run at every scale
    isolate: bool = True                 # one child process per system and corpus
    wcxb: bool = False                   # score the development corpus too (benchmarks/wcxb.py)
    wcxb_halves: tuple[str, ...] = ("even", "odd")
    wcxb_root: pathlib.Path | None = None  # the corpus folder (None: ../shared/corpus/wcxb)
    cpu: int | None = default_cpu()
    out_dir: pathlib.Path = HERE
    command: str = "python -m benchmarks"

    def __post_init__(self):
        if self.reps < 1:
            raise ValueError("reps must be at least 1")
        if not self.scales or any(k < 1 for k in self.scales):
            raise ValueError("scales must be positive")
        if not self.cli_jobs or any(j < 1 for j in self.cli_jobs):
            raise ValueError("cli_jobs must be positive")
