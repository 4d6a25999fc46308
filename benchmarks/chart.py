"""Quality against speed, one point per system and corpus (benchmarks/results.png).

matplotlib is optional (the `bench` extra has it): without it the report says so instead.
"""
from __future__ import annotations

import pathlib

from .results import Results

MARKERS = "osD^vP*X"


def why_not() -> str:
    """Why no chart can be drawn here, or "" if one can."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return "matplotlib is not installed (pip install -e '.[bench]')"
    return ""


def draw(results: Results, path: pathlib.Path) -> bool:
    """Scatter F1 (y) against docs/s (x, log scale); False if there is nothing or no matplotlib."""
    points = [r for r in results.rows if r.quality is not None and r.measurement.times]
    if not points or why_not():
        return False
    import matplotlib

    matplotlib.use("Agg")  # files only, no display
    from matplotlib import pyplot as plt

    systems = list(dict.fromkeys(r.system.name for r in points))
    corpora = list(dict.fromkeys(r.corpus for r in points))
    colors = plt.get_cmap("tab10")
    fig, ax = plt.subplots(figsize=(9, 5.5), dpi=110)
    for r in points:
        color = colors(systems.index(r.system.name) % 10)
        marker = MARKERS[corpora.index(r.corpus) % len(MARKERS)]
        x, y = r.measurement.docs_per_s(), r.quality.f1
        ax.scatter(x, y, color=color, marker=marker, s=70, edgecolors="black", linewidths=0.5, zorder=3)
        ax.annotate(r.system.name, (x, y), textcoords="offset points", xytext=(6, 4), fontsize=8, color=color)
    for i, corpus in enumerate(corpora):  # legend: marker = corpus
        ax.scatter([], [], color="grey", marker=MARKERS[i % len(MARKERS)], label=corpus)
    ax.set_xscale("log")
    ax.set_xlabel("documents per second, one core (best pass, log scale)")
    ax.set_ylabel("mean body F1 (bag of words)")
    ax.set_ylim(0, 1.02)
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(title="corpus", loc="lower left", fontsize=8)
    ax.set_title(f"cleanarticle and peers: quality against speed ({results.machine.get('date', '')})")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)
    return True
