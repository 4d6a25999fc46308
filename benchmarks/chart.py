"""Quality against speed, one point per system and corpus (benchmarks/results.png).

matplotlib is optional (the `bench` extra has it): without it the report says so instead.
"""
from __future__ import annotations

import pathlib

from .results import Results

OURS, PEER = "*", "o"   # markers: cleanarticle stands out


def why_not() -> str:
    """Why no chart can be drawn here, or "" if one can."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return "matplotlib is not installed (pip install -e '.[bench]')"
    return ""


def draw(results: Results, path: pathlib.Path) -> bool:
    """One panel per corpus: F1 (y) against docs/s (x, log scale), the speed floor as a dashed line.

    Panels, not one plot, because documents per second are only comparable on the same
    pages. False if there is nothing to draw or no matplotlib.
    """
    points = [r for r in results.rows if r.quality is not None and r.measurement.times]
    if not points or why_not():
        return False
    import matplotlib

    matplotlib.use("Agg")  # files only, no display
    from matplotlib import pyplot as plt

    systems = list(dict.fromkeys(r.system.name for r in points))
    corpora = list(dict.fromkeys(r.corpus for r in points))
    colors = plt.get_cmap("tab10")
    fig, axes = plt.subplots(1, len(corpora), figsize=(4.6 * len(corpora) + 0.6, 5), dpi=110, squeeze=False)
    for ax, corpus in zip(axes[0], corpora):
        mine = sorted((r for r in points if r.corpus == corpus), key=lambda r: r.measurement.docs_per_s())
        for i, r in enumerate(mine):
            color = colors(systems.index(r.system.name) % 10)
            x, y = r.measurement.docs_per_s(), r.quality.f1
            ours = r.system.name.startswith("cleanarticle")
            ax.scatter(x, y, color=color, marker=OURS if ours else PEER, s=160 if ours else 60,
                       edgecolors="black", linewidths=0.5, zorder=3)
            ax.annotate(r.system.name, (x, y), textcoords="offset points", xytext=(6, 6 if i % 2 else -11),
                        fontsize=8, color=color, weight="bold" if ours else None)
        for floor in (r for r in results.rows if r.corpus == corpus and r.system.kind == "floor" and r.measurement.times):
            ax.axvline(floor.measurement.docs_per_s(), color="grey", linestyle="--", linewidth=1)
            ax.annotate(floor.system.name, (floor.measurement.docs_per_s(), 0.02), xycoords=("data", "axes fraction"),
                        rotation=90, fontsize=7, color="grey", ha="right", va="bottom")
        low = min(r.quality.f1 for r in mine)
        ax.set_xscale("log")
        ax.set_ylim(max(0.0, low - 0.08), 1.02)
        ax.set_xlabel("documents/s, one core (best pass, log)")
        ax.set_title(corpus, fontsize=10)
        ax.grid(True, which="both", alpha=0.3)
    axes[0][0].set_ylabel("mean body F1 (bag of words)")
    fig.suptitle(f"cleanarticle and peers: quality against speed ({results.machine.get('date', '')})")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)
    return True
