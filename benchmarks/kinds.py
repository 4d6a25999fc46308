"""Page kinds and confidence on ../shared/corpus/wcxb: confusion table, accuracy, ROC AUC.

    python benchmarks/kinds.py                 # report (both halves, HTML, text, text with URL)
    python benchmarks/kinds.py --fit           # refit data/kind_model.tsv on the EVEN half (needs numpy)
    python benchmarks/kinds.py --cv            # 5-fold cross-validation on the EVEN half (choose L2, evidence)

The corpus's `page_type` maps to our kinds as `PAGE_TYPE_KIND` says: article and blog are
articles, listing and collection pages are listings, service and documentation pages are
"other". "text" is text mode from `source.txt` alone (no URL, as `score_wcxb.py` runs it);
"text+url" also passes the page's URL, as a crawl that knows its addresses would; "html-no-url"
is HTML without its URL (as `clean(html)` is often called): both models are fitted on pages with
and without their URL, so that a missing URL is no evidence of any kind.
Also reported: mean body shingle F1 of article pages by confidence band, the share of
real articles (seeds, readerable readability pages) with confidence >= 0.8, and ms/page.
Skips with a message when the corpus is absent.
"""
from __future__ import annotations

import argparse
import collections
import gzip
import json
import pathlib
import statistics
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.scoring import READABILITY, seed_pages, shingle_f1
from benchmarks.wcxb import WCXB
from cleanarticle import clean, confidence, kind

MODEL = ROOT / "src" / "cleanarticle" / "data" / "kind_model.tsv"
PAGE_TYPE_KIND = {"article": kind.ARTICLE, "blog": kind.ARTICLE, "listing": kind.LISTING,
                  "collection": kind.LISTING, "forum": kind.FORUM, "product": kind.PRODUCT,
                  "service": kind.OTHER, "documentation": kind.OTHER}
# The class each page type is learnt as (kind.CLASSES): blog posts are articles.
PAGE_TYPE_CLASS = {"blog": "article"}
MODES = ("html", "text", "text+url", "html-no-url")
# Confidence bands for the body-F1 comparison on article pages.
HIGH, LOW = 0.8, 0.5
# L2 penalty of the fit (divided by the number of pages), by 5-fold CV (`--cv --l2 5 10 15 20`)
# on the even half with the model's seven classes (kind.CLASSES), HTML / text kind right (AUC):
# 5: 0.842 / 0.683 (0.966 / 0.894), 10: 0.842 / 0.689 (0.968 / 0.895), 15: 0.836 / 0.683,
# 20: 0.836 / 0.689 (0.969 / 0.896); 10 is the best of both (30 was chosen for the five kinds).
L2 = 10.0


def pages(corpus: pathlib.Path = WCXB):
    """(id, metadata, gold body, folder) for every page of the corpus."""
    for d in sorted(p for p in corpus.iterdir() if p.is_dir() and p.name.isdigit()):
        meta = json.loads((d / "expected-metadata.json").read_text(encoding="utf-8"))
        yield int(d.name), meta, (d / "expected.txt").read_text(encoding="utf-8"), d


class _Spy:
    """Records the signals the pipeline computes (the benchmark reads them; clean() does not return them)."""

    def __enter__(self):
        self.seen: list = []
        self.original = kind.signals

        def spy(*args, **kwargs):
            self.seen.append(self.original(*args, **kwargs))
            return self.seen[-1]

        kind.signals = spy
        return self

    def __exit__(self, *exc):
        kind.signals = self.original


def run(corpus: pathlib.Path = WCXB) -> list[dict]:
    """Clean every page in every mode; keep kind, confidence, body F1 and the signals."""
    rows = []
    with _Spy() as spy:
        for number, meta, gold, d in pages(corpus):
            html = gzip.decompress((d / "source.html.gz").read_bytes())
            text = (d / "source.txt").read_text(encoding="utf-8")
            for mode in MODES:
                t0 = time.perf_counter()
                if mode.startswith("html"):
                    got = clean(html, format="html", url=meta["url"] if mode == "html" else None)
                else:
                    got = clean(text, format="text", url=meta["url"] if mode == "text+url" else None)
                rows.append({"corpus": "wcxb", "id": number, "mode": mode, "type": meta["page_type"],
                             "want": PAGE_TYPE_KIND[meta["page_type"]], "kind": got.kind,
                             "confidence": got.confidence, "f1": shingle_f1(got.body, gold),
                             "signals": spy.seen[-1], "ms": 1000 * (time.perf_counter() - t0)})
    return rows


def run_readability() -> list[dict]:
    """The readability pages readability calls readerable, as articles (id: their index in name order)."""
    rows = []
    folders = sorted(p for p in READABILITY.iterdir() if p.is_dir())
    with _Spy() as spy:
        for number, folder in enumerate(folders):
            meta = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
            if not meta.get("readerable"):
                continue
            for mode, raw in (("html", gzip.decompress((folder / "source.html.gz").read_bytes())),
                              ("text", (folder / "source.txt").read_bytes())):
                got = clean(raw, format=mode)
                rows.append({"corpus": "readability", "id": number, "mode": mode, "type": "readerable",
                             "want": kind.ARTICLE, "kind": got.kind, "confidence": got.confidence,
                             "signals": spy.seen[-1], "name": folder.name})
    return rows


def auc(pos: list[float], neg: list[float]) -> float:
    """ROC AUC: the chance that a positive scores above a negative (ties count half)."""
    if not pos or not neg:
        return float("nan")
    neg_sorted = sorted(neg)
    import bisect
    wins = sum(bisect.bisect_left(neg_sorted, p) + 0.5 * (bisect.bisect_right(neg_sorted, p)
                                                          - bisect.bisect_left(neg_sorted, p)) for p in pos)
    return wins / (len(pos) * len(neg))


def report(rows: list[dict]) -> None:
    rows = [r for r in rows if r["corpus"] == "wcxb"]
    print(f"{'half':5} {'mode':8} {'pages':>5} {'kind ok':>7} {'AUC':>6} {'F1 c>=0.8':>14} {'F1 c<0.8':>14} "
          f"{'F1 c<0.5':>14} {'ms/page':>7}")
    for half in ("even", "odd"):
        for mode in MODES:
            chosen = [r for r in rows if r["mode"] == mode and (r["id"] % 2 == 0) == (half == "even")]
            ok = sum(r["kind"] == r["want"] for r in chosen) / len(chosen)
            arts = [r for r in chosen if r["want"] == kind.ARTICLE]
            a = auc([r["confidence"] for r in arts], [r["confidence"] for r in chosen if r["want"] != kind.ARTICLE])
            hi = [r["f1"] for r in arts if r["confidence"] >= HIGH]
            mid = [r["f1"] for r in arts if r["confidence"] < HIGH]
            lo = [r["f1"] for r in arts if r["confidence"] < LOW]

            def band(xs):
                return f"{statistics.mean(xs):.3f} ({len(xs):3})" if xs else "-"
            ms = statistics.mean(r["ms"] for r in chosen)
            print(f"{half:5} {mode:8} {len(chosen):5} {ok:7.3f} {a:6.3f} {band(hi):>14} {band(mid):>14} {band(lo):>14} {ms:7.1f}")
    for mode in MODES:
        print(f"\nconfusion, {mode}, both halves (rows: corpus kind, columns: ours)")
        table = collections.Counter((r["want"], r["kind"]) for r in rows if r["mode"] == mode)
        print(f"{'':10}" + "".join(f"{k:>9}" for k in kind.KINDS) + f"{'right':>8}")
        for want in kind.KINDS:
            n = sum(table[want, k] for k in kind.KINDS)
            print(f"{want:10}" + "".join(f"{table[want, k]:9}" for k in kind.KINDS)
                  + f"{table[want, want] / n if n else 0:8.2f}")
        by_type = collections.defaultdict(list)
        for r in rows:
            if r["mode"] == mode:
                by_type[r["type"]].append(r["confidence"])
        print("confidence by page_type: " + ", ".join(
            f"{t} {statistics.mean(v):.2f} ({sum(c < LOW for c in v) / len(v):.0%} < {LOW})"
            for t, v in sorted(by_type.items())))


def real_articles(readerable: list[dict]) -> None:
    """Seeds and readerable readability pages: share with confidence >= HIGH; ms/page on readability."""
    seeds = [clean(p.text, format="text").confidence for p in seed_pages()]
    print(f"\nseeds: confidence {', '.join(f'{c:.2f}' for c in seeds)}")
    for mode in ("html", "text"):
        for half in ("even", "odd"):
            confs = [r["confidence"] for r in readerable if r["mode"] == mode and (r["id"] % 2 == 0) == (half == "even")]
            print(f"readability {mode} {half}: {sum(c >= HIGH for c in confs) / len(confs):.3f} of {len(confs)} "
                  f"readerable pages have confidence >= {HIGH}")
    for source, fmt in (("source.html.gz", "html"), ("source.txt", "text")):
        raws = [gzip.decompress((f / source).read_bytes()) if source.endswith(".gz") else (f / source).read_bytes()
                for f in sorted(p for p in READABILITY.iterdir() if p.is_dir())]
        t0 = time.perf_counter()
        for raw in raws:
            clean(raw, format=fmt)
        print(f"readability {fmt}: {1000 * (time.perf_counter() - t0) / len(raws):.2f} ms/page over {len(raws)} pages")


def fit(rows: list[dict]) -> None:
    """Multinomial logistic regression of the kind on the evidence, EVEN half, written to MODEL."""
    lines = ["# Weights of the page-kind model (log-odds points per unit of evidence), read by kind.py.",
             "# Fitted by `python benchmarks/kinds.py --fit`: multinomial logistic regression, L2 "
             f"{L2}, on the EVEN half (by page id / index) of ../shared/corpus/wcxb and of the readability",
             "# pages readability calls readerable (as articles): modern pages of every kind, and older articles.",
             "# the html model on HTML pages, the text model on text pages, each page with and without its URL.",
             "# model<TAB>evidence<TAB>kind<TAB>weight."]
    for model_name in kind.MODELS:
        train = [r for r in rows if r["id"] % 2 == 0 and r["mode"].startswith(model_name)]  # both corpora
        raw = _multinomial(*_xy(train))
        for i, name in enumerate(kind.EVIDENCE):
            for j, k in enumerate(kind.CLASSES):
                lines.append(f"{model_name}\t{name}\t{k}\t{raw[i, j]:.3f}")
    MODEL.write_text("\n".join(lines) + "\n", encoding="utf-8")
    kind.weights.cache_clear()
    print(f"wrote {MODEL.relative_to(ROOT)}")


def _xy(rows: list[dict]):
    """Evidence matrix and class indices (kind.CLASSES) of some rows."""
    import numpy as np

    classes = list(kind.CLASSES)
    return (np.array([kind.evidence(r["signals"]) for r in rows]),
            np.array([classes.index(row_class(r)) for r in rows]))


def row_class(row: dict) -> str:
    """The class a page is learnt as: its page type (readability's readerable pages are articles)."""
    if row["corpus"] != "wcxb":
        return "article"
    return PAGE_TYPE_CLASS.get(row["type"], row["type"])


def cross_validate(rows: list[dict], folds: int = 5) -> None:
    """Kind right and AUC of P(article) x size on the EVEN half, each fold fitted on the others.

    Folds by (id // 2) % folds; a fold's pages are left out in every mode (with and without
    URL), so no page is judged by a model that saw it. Judged in "html" and "text" mode.
    """
    import numpy as np

    even = [r for r in rows if r["id"] % 2 == 0]
    for model_name in kind.MODELS:
        ok = total = 0
        pos, neg = [], []
        for f in range(folds):
            train = [r for r in even if r["mode"].startswith(model_name) and (r["id"] // 2) % folds != f]
            w = _multinomial(*_xy(train))
            test = [r for r in even
                    if r["corpus"] == "wcxb" and r["mode"] == model_name and (r["id"] // 2) % folds == f]
            for r in test:
                score = np.array(kind.evidence(r["signals"])) @ w
                p = np.exp(score - score.max())
                p_kind = dict.fromkeys(kind.KINDS, 0.0)
                for c, pc in zip(kind.CLASSES, p / p.sum()):
                    p_kind[kind.CLASSES[c]] += pc
                got = max(kind.KINDS, key=p_kind.__getitem__) if r["signals"].lines else kind.OTHER
                ok += got == r["want"]
                total += 1
                size = min(1.0, r["signals"].body_words / confidence.FULL_ARTICLE_WORDS)
                (pos if r["want"] == kind.ARTICLE else neg).append(p_kind[kind.ARTICLE] * size)
        print(f"cv {model_name:5} L2 {L2:g}: kind right {ok / total:.3f}, AUC {auc(pos, neg):.3f} ({total} pages)")


def _multinomial(x, y):
    """Weights (evidence x kinds) of an L2-penalised softmax regression, by gradient descent
    on standardised evidence, returned in the evidence's own units (the bias absorbs the means)."""
    import numpy as np

    onehot = np.eye(len(kind.CLASSES))[y]
    mu, sd = x.mean(0), x.std(0)
    mu[0], sd[0] = 0.0, 1.0
    sd[sd == 0] = 1.0
    z = (x - mu) / sd
    w = np.zeros((x.shape[1], len(kind.CLASSES)))
    for _ in range(4000):
        s = z @ w
        p = np.exp(s - s.max(1, keepdims=True))
        p /= p.sum(1, keepdims=True)
        grad = z.T @ (p - onehot) / len(y)
        grad[1:] += L2 * w[1:] / len(y)
        w -= 0.5 * grad
    raw = w / sd[:, None]
    raw[0] = w[0] - (mu / sd)[1:] @ w[1:]
    return raw


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fit", action="store_true", help="refit the model on the even half first")
    ap.add_argument("--cv", action="store_true", help="only cross-validate on the even half")
    ap.add_argument("--l2", type=float, nargs="+", default=[L2],
                    help=f"L2 penalty of the fit (default {L2:g}); --cv takes several")
    ap.add_argument("--corpus", type=pathlib.Path, default=WCXB)
    a = ap.parse_args()
    globals()["L2"] = a.l2[0]
    if not a.corpus.is_dir():
        print(f"skipped: no corpus at {a.corpus}")
        return 0
    rows = run(a.corpus) + run_readability()
    if a.cv:
        for penalty in a.l2:
            globals()["L2"] = penalty
            cross_validate(rows)
        return 0
    if a.fit:
        fit(rows)
        rows = [dict(r, **_rescore(r)) for r in rows]
    report(rows)
    real_articles([r for r in rows if r["corpus"] == "readability"])
    return 0


def _rescore(row: dict) -> dict:
    """Kind and confidence of a row under the refitted model, from its recorded signals."""
    got = kind.page_kind(row["signals"])
    return {"kind": got.kind, "confidence": confidence.confidence(row["signals"], got)}


if __name__ == "__main__":
    sys.exit(main())
