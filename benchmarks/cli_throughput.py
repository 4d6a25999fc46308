"""Throughput and peak memory of `cleanarticle DIR -o out.jsonl` with -j 1 and -j 2.

The seeds (`seeds/*.txt`) are copied COPIES times into a temporary tree (default 2,000
times: 10,000 files, 100 a folder), and the command line is run on it, each setting
REPEAT times. Printed: files/s and MB/s (median and range over the repetitions), and
peak memory, read from /proc while the run goes on:

- `peak_rss_mb_tree`: the peak RSS of the whole process tree (parent, forkserver,
  workers), as the sum of each process's own peak (VmHWM): an upper bound that sampling
  cannot miss (pages shared copy-on-write count once per process);
- `peak_pss_mb_total`: the peak of the sum over the tree of PSS, which shares those
  pages out fairly (only as seen by the samples);
- `peak_rss_mb_largest`: the largest single process's peak RSS (VmHWM).

Last, the same at FLAT times more files (default 10: 100,000 files), which shows memory
does not grow with the number of files.

    python benchmarks/cli_throughput.py            # JSON rows on stdout; lines, then the README's table, on stderr
    python benchmarks/cli_throughput.py --quick    # 200 copies, 1 repetition, flat check at 5x

Timing on a shared machine is noisy: compare medians, and read the range.
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
FILES_PER_FOLDER = 100
SAMPLE_SECONDS = 0.25


def make_tree(root: pathlib.Path, copies: int) -> tuple[int, int]:
    """`copies` copies of every seed, FILES_PER_FOLDER files a folder; (files, bytes)."""
    datas = [(p.name, p.read_bytes()) for p in SEEDS]
    count = size = 0
    for k in range(copies):
        for name, data in datas:
            folder = root / f"{count // FILES_PER_FOLDER:05d}"
            if count % FILES_PER_FOLDER == 0:
                folder.mkdir(parents=True)
            (folder / f"{k:06d}_{name}").write_bytes(data)
            count += 1
            size += len(data)
    return count, size


def _tree_pids(root: int) -> list[int]:
    """`root` and its descendants, from /proc (Linux)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as f:
                    ppid = int(f.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    pids, todo = [], [root]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        todo.extend(children.get(pid, ()))
    return pids


def _kb(path: str, key: str) -> int:
    try:
        with open(path, encoding="ascii") as f:
            for line in f:
                if line.startswith(key):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class MemorySampler:
    """Samples the process tree of `pid` until stopped: the largest VmHWM and the largest PSS sum.

    `peaks_kb` keeps each process's last VmHWM: a high-water mark, so their sum (every
    process at its own peak) does not depend on when the samples fell, unlike the PSS sum.
    """

    def __init__(self, pid: int):
        self.pid, self.largest_kb, self.total_kb = pid, 0, 0
        self.peaks_kb: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            total = 0
            for p in _tree_pids(self.pid):
                hwm = _kb(f"/proc/{p}/status", "VmHWM:")
                self.peaks_kb[p] = max(self.peaks_kb.get(p, 0), hwm)
                self.largest_kb = max(self.largest_kb, hwm)
                total += _kb(f"/proc/{p}/smaps_rollup", "Pss:")
            self.total_kb = max(self.total_kb, total)
            self._stop.wait(SAMPLE_SECONDS)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def run_once(tree: pathlib.Path, out: pathlib.Path, jobs: int) -> dict:
    """One run; its wall time, exit status, records written and memory."""
    cmd = [sys.executable, "-m", "cleanarticle", str(tree), "-o", str(out), "-j", str(jobs), "-q"]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = MemorySampler(proc.pid) if os.path.isdir("/proc") else None
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    if sampler:
        sampler.stop()
    records = sum(1 for _ in out.open("rb")) if out.exists() else 0
    out.unlink(missing_ok=True)
    return {"seconds": seconds, "exit": proc.returncode, "records": records, "stderr": err.strip()[-300:],
            "largest_kb": max(sampler.largest_kb if sampler else 0, usage.ru_maxrss),
            "total_kb": sampler.total_kb if sampler else 0,
            "tree_kb": sum(sampler.peaks_kb.values()) if sampler else usage.ru_maxrss}


def measure(tree: pathlib.Path, out: pathlib.Path, files: int, size: int, jobs: int, repeat: int) -> dict:
    runs = [run_once(tree, out, jobs) for _ in range(repeat)]
    bad = [r for r in runs if r["exit"] != 0 or r["records"] != files]
    if bad:
        raise SystemExit(f"cleanarticle -j {jobs} failed: exit {bad[0]['exit']}, {bad[0]['records']} of {files} "
                         f"records: {bad[0]['stderr']}")
    secs = [r["seconds"] for r in runs]
    med = statistics.median(secs)
    return {
        "jobs": jobs, "files": files, "mb": round(size / 1e6, 1), "runs": repeat,
        "files_per_s": round(files / med, 1),
        "files_per_s_range": f"{files / max(secs):.1f}-{files / min(secs):.1f}",
        "mb_per_s": round(size / 1e6 / med, 2),
        "peak_rss_mb_largest": round(max(r["largest_kb"] for r in runs) / 1024, 1),
        "peak_pss_mb_total": round(max(r["total_kb"] for r in runs) / 1024, 1),
        "peak_rss_mb_tree": round(max(r["tree_kb"] for r in runs) / 1024, 1),
        # The machine's 1-minute load average as the runs end: above the core count, other
        # work shared the CPU and the rates are low by about that much.
        "load_1min": round(os.getloadavg()[0], 1),
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--copies", type=int, default=2000, help="copies of the 5 seeds (default 2000: 10,000 files)")
    p.add_argument("--jobs", default="1,2", help="comma-separated -j values (default 1,2)")
    p.add_argument("--repeat", type=int, default=3, help="runs per setting (default 3)")
    p.add_argument("--flat", type=int, default=10, help="memory check at this many times the files, -j 2 (0: skip)")
    p.add_argument("--quick", action="store_true", help="--copies 200 --repeat 1 --flat 5")
    args = p.parse_args(argv)
    if args.quick:
        args.copies, args.repeat, args.flat = 200, 1, 5
    rows = []
    with tempfile.TemporaryDirectory(prefix="cleanarticle-throughput-") as tmp:
        tree, out = pathlib.Path(tmp, "in"), pathlib.Path(tmp, "out.jsonl")
        files, size = make_tree(tree, args.copies)
        for jobs in (int(j) for j in args.jobs.split(",")):
            rows.append(measure(tree, out, files, size, jobs, args.repeat))
            _show(rows[-1])
        if args.flat:
            shutil.rmtree(tree)
            files, size = make_tree(tree, args.copies * args.flat)
            rows.append(measure(tree, out, files, size, 2, 1))
            _show(rows[-1])
    print("\n".join(markdown(rows)), file=sys.stderr)
    print(json.dumps(rows))
    return 0


def markdown(rows: list[dict]) -> list[str]:
    """The rows as the README's table (the last one, with more files, is the memory check)."""
    out = ["| run | files | MB | files/s: median (range) | MB/s | peak RSS, whole tree | PSS, whole tree "
           "| largest process | load |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        runs = f"{r['runs']} runs" if r["runs"] > 1 else "1 run"
        out.append(f"| `-j {r['jobs']}` | {r['files']:,} | {r['mb']} | {r['files_per_s']} ({r['files_per_s_range']}, "
                   f"{runs}) | {r['mb_per_s']} | {r['peak_rss_mb_tree']} MB | {r['peak_pss_mb_total']} MB "
                   f"| {r['peak_rss_mb_largest']} MB | {r['load_1min']} |")
    return out


def _show(row: dict) -> None:
    print(f"-j {row['jobs']}: {row['files']} files ({row['mb']} MB), {row['files_per_s']} files/s "
          f"({row['files_per_s_range']} over {row['runs']} runs), {row['mb_per_s']} MB/s, "
          f"peak RSS {row['peak_rss_mb_tree']} MB whole tree, {row['peak_rss_mb_largest']} MB largest process, "
          f"{row['peak_pss_mb_total']} MB all processes (PSS)", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
