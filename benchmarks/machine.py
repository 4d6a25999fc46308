"""Where and with what a run was made, for the report's header."""
from __future__ import annotations

import datetime
import importlib.metadata
import os
import pathlib
import platform
import subprocess

from .scoring import ROOT


def _cpu_model() -> str:
    try:
        for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory() -> str:
    try:
        for line in pathlib.Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 2**20:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def _revision() -> str:
    """The checkout's commit, marked "+changes" when the tree differs from it."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return (head or "unknown") + (" +changes" if dirty else "")


def _versions(packages: tuple[str, ...] = ("selectolax", "regex", "ftfy", "langdetect")) -> str:
    """cleanarticle's own dependencies (the peers' versions are in the report's systems table)."""
    out = []
    for name in packages:
        try:
            out.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            out.append(f"{name} not installed")
    return ", ".join(out)


def _load(usable: int | None) -> str:
    """The load average as the run ends: above the usable cores, other work shared the CPU."""
    if not hasattr(os, "getloadavg"):
        return "unknown"
    loads = os.getloadavg()
    busy = usable is not None and loads[1] > usable
    return " / ".join(f"{x:.1f}" for x in loads) + " (1, 5, 15 min)" + (
        f": more than {usable} cores' worth of work, so other processes shared the CPU" if busy else "")


def machine_info() -> dict[str, str]:
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "platform": platform.platform(),
        "cpu": f"{_cpu_model()}; {os.cpu_count()} cores, {usable} usable",
        "memory": _memory(),
        "load at the end": _load(usable),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "cleanarticle revision": _revision(),
        "cleanarticle dependencies": _versions(),
    }
