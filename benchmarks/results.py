"""What a benchmark run found: plain data that the report and the chart read."""
from __future__ import annotations

from dataclasses import dataclass

from .config import BenchConfig
from .measure import Measurement
from .scoring import Quality
from .systems import System
from .wcxb import WcxbResults


@dataclass(frozen=True)
class Row:
    """One system on one corpus."""

    corpus: str
    format: str
    system: System
    version: str
    measurement: Measurement
    quality: Quality | None              # None: floor, n/a, or a corpus without gold


@dataclass(frozen=True)
class ScalePoint:
    """cleanarticle over the corpus repeated `scale` times, as one list of documents."""

    corpus: str
    system: str
    scale: int
    measurement: Measurement


@dataclass(frozen=True)
class CliPoint:
    """The `cleanarticle -j JOBS` command over a folder holding `scale` copies of a corpus."""

    corpus: str
    scale: int
    files: int
    n_bytes: int
    seconds: float                       # wall time, interpreter start-up included
    peak_rss_kb: int                     # the main process's own VmHWM (exact)
    exit_code: int
    records: int                         # JSON lines written
    said: str = ""                       # the command's last line on stderr (its summary or error)
    jobs: int = 1
    tree_peak_kb: int = 0                # sum over its processes of each one's VmHWM (sampled)
    pss_kb: int = 0                      # largest PSS sum over its processes seen by the sampler
    processes: int = 1                   # processes seen (main, forkserver, workers)

    @property
    def complete(self) -> bool:
        return self.exit_code == 0 and self.records == self.files


@dataclass(frozen=True)
class Results:
    config: BenchConfig
    machine: dict[str, str]
    rows: tuple[Row, ...]
    scaling: tuple[ScalePoint, ...] = ()
    cli: tuple[CliPoint, ...] = ()
    seconds: float = 0.0                 # wall time of the whole run
    wcxb: WcxbResults | None = None      # the development corpus (None: not asked for)
