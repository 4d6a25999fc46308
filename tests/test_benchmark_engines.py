"""benchmarks/engines.py's CPU accounting, which its per-document overheads rest on.

No speed is asserted: the CPU a fixed amount of work takes must be found, wherever in the
process tree it was spent.
"""
from __future__ import annotations

import importlib.util
import multiprocessing
import subprocess
import sys
import time

import pytest

from benchmarks.engines import TreeCPU

needs_psutil = pytest.mark.skipif(importlib.util.find_spec("psutil") is None,
                                  reason="needs psutil (it comes with the dask extra, in the test extra)")
BURN_S = 0.3


def _burn(seconds: float) -> None:
    """Spend `seconds` of CPU time (not wall time, which a loaded machine stretches)."""
    start = time.process_time()
    while time.process_time() - start < seconds:
        pass


@needs_psutil
def test_cpu_of_a_forkserver_worker_is_counted():
    # The case RUSAGE_CHILDREN misses: the worker is the forkserver's child, not ours.
    with TreeCPU() as cpu:
        with multiprocessing.get_context("forkserver").Pool(1) as pool:
            pool.apply(_burn, (BURN_S,))
    assert BURN_S - 0.05 <= cpu.seconds < BURN_S + 5  # at most one 20 ms sample lost


@needs_psutil
def test_cpu_of_a_subprocess_and_not_of_the_sampler_is_counted():
    with TreeCPU() as idle:
        time.sleep(0.2)
    # The sampling thread's own CPU is not counted (clock ticks are 10 ms, so the
    # difference can round either way).
    assert abs(idle.seconds) < 0.05
    code = f"import time\ns = time.process_time()\nwhile time.process_time() - s < {BURN_S}: pass"
    with TreeCPU() as cpu:
        subprocess.run([sys.executable, "-c", code], check=True)
    assert BURN_S - 0.05 <= cpu.seconds < BURN_S + 5
