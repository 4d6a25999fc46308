"""The systems under test: cleanarticle, its peers, a baseline and three speed floors.

Each system is a factory that imports its library (so a missing peer is an ImportError
at start, not a crash mid-run) and returns `extract(raw, lang) -> Extract`. Every system
gets the page's bytes as stored on disk and decodes them itself, as a user's code would.
`lang` is the page's declared language (ISO 639-1) where the corpus knows it; only
jusText uses it, because it has no language detection of its own and needs a stoplist.
"""
from __future__ import annotations

import html as html_escape
import importlib.metadata
from collections.abc import Callable
from dataclasses import dataclass

from .scoring import Extract

Extractor = Callable[[bytes, "str | None"], Extract]

# Languages of the corpora -> jusText stoplist names; anything else gets English, as
# jusText's own command line does by default.
JUSTEXT_STOPLISTS = {
    "en": "English", "vi": "Vietnamese", "fr": "French", "es": "Spanish", "de": "German",
    "pt": "Portuguese", "cs": "Czech", "it": "Italian", "nl": "Dutch", "ru": "Russian",
    "pl": "Polish",
}
# Block elements after which readability-lxml's summary HTML gets a line break, so that
# "<p>end.</p><p>Next" does not become the one token "end.Next".
BLOCK_TAGS = ("p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote",
              "tr", "td", "th", "dd", "dt", "figcaption", "section", "article", "table")


class NotAvailable(Exception):
    """The system cannot run here (peer not installed, or a mode not implemented yet)."""


@dataclass(frozen=True)
class System:
    """One row of the benchmark: how to load it, what it reads, what it returns."""

    name: str
    formats: tuple[str, ...]        # corpora formats it runs on: "text" and/or "html"
    load: Callable[[], Extractor]   # imports the library; raises NotAvailable
    package: str                    # distribution whose version the report prints ("" for none)
    kind: str = "cleaner"           # "cleaner", "baseline" (scored) or "floor" (speed only)
    fields: tuple[str, ...] = ()    # metadata it produces, of "title", "byline", "date"
    note: str = ""


def _import(module: str):
    try:
        return importlib.import_module(module)
    except ImportError as exc:  # a peer that is not installed is a row that says so
        raise NotAvailable(f"{module} is not installed ({exc}); pip install -e '.[bench]'") from exc


def _decode(raw: bytes) -> str:
    return raw.decode("utf-8", errors="replace")


def _cleanarticle(fmt: str) -> Callable[[], Extractor]:
    def load() -> Extractor:
        from cleanarticle import clean

        try:  # an unfinished mode is "n/a", found out once rather than on every page
            clean("<html><body><p>probe</p></body></html>", format=fmt)
        except NotImplementedError as exc:
            raise NotAvailable(f"clean(format={fmt!r}) raises NotImplementedError: {exc}") from exc

        def extract(raw: bytes, lang: str | None) -> Extract:
            a = clean(raw, format=fmt)
            return Extract(a.body, a.title, a.byline, a.date)
        return extract
    return load


def _keep_everything() -> Extractor:
    return lambda raw, lang: Extract(_decode(raw))


def _read_floor() -> Extractor:
    """Decode and split into lines: what any text cleaner must do at least."""
    def extract(raw: bytes, lang: str | None) -> Extract:
        raw.decode("utf-8", errors="replace").splitlines()
        return Extract()
    return extract


def _line_floor() -> Extractor:
    """Decode, split, and per line only what a line classifier cannot skip: casefold, tokenise
    (cleanarticle's tokeniser), count stopwords, keep one record. No per-line classifier in
    Python runs faster than this; the share of it that cleanarticle reaches is what its
    dozen other features, the context pass and language id cost."""
    from cleanarticle.features import _ASCII_TOKEN, _TOKEN
    from cleanarticle.lexicon import lexicon

    def extract(raw: bytes, lang: str | None) -> Extract:
        stops = lexicon(lang or "en").stopwords
        records = []
        for line in raw.decode("utf-8", errors="replace").splitlines():
            line = line.strip()
            tokens = (_ASCII_TOKEN if line.isascii() else _TOKEN).findall(line.casefold())
            records.append((line, len(tokens), sum(map(stops.__contains__, tokens))))
        return Extract()
    return extract


def _parse_floor() -> Extractor:
    """lexbor parse + whole-page text: what an HTML cleaner on selectolax costs at least."""
    lexbor = _import("selectolax.lexbor")

    def extract(raw: bytes, lang: str | None) -> Extract:
        lexbor.LexborHTMLParser(raw).text()
        return Extract()
    return extract


def _stoplist(justext, lang: str | None) -> frozenset[str]:
    return justext.get_stoplist(JUSTEXT_STOPLISTS.get(lang or "en", "English"))


def _justext_html() -> Extractor:
    justext = _import("justext")

    def extract(raw: bytes, lang: str | None) -> Extract:
        paragraphs = justext.justext(raw, _stoplist(justext, lang))
        return Extract("\n".join(p.text for p in paragraphs if not p.is_boilerplate))
    return extract


def _justext_text() -> Extractor:
    """jusText on plain text: each line becomes a `<p>`, the one block structure it has."""
    justext = _import("justext")

    def extract(raw: bytes, lang: str | None) -> Extract:
        lines = _decode(raw).splitlines()
        page = "<html><body>" + "".join(f"<p>{html_escape.escape(x)}</p>" for x in lines) + "</body></html>"
        paragraphs = justext.justext(page.encode("utf-8"), _stoplist(justext, lang))
        return Extract("\n".join(p.text for p in paragraphs if not p.is_boilerplate))
    return extract


def _trafilatura() -> Extractor:
    """Its published evaluation's settings: `extract()` defaults, comments left out."""
    trafilatura = _import("trafilatura")
    return lambda raw, lang: Extract(trafilatura.extract(raw, include_comments=False) or "")


def _trafilatura_fast() -> Extractor:
    trafilatura = _import("trafilatura")
    return lambda raw, lang: Extract(trafilatura.extract(raw, include_comments=False, fast=True) or "")


def _trafilatura_meta() -> Extractor:
    """Body and metadata in one call, the job cleanarticle does (htmldate included)."""
    trafilatura = _import("trafilatura")

    def extract(raw: bytes, lang: str | None) -> Extract:
        doc = trafilatura.bare_extraction(raw, include_comments=False, with_metadata=True)
        if doc is None:
            return Extract()
        return Extract(doc.text or "", doc.title, doc.author, doc.date)
    return extract


def _readability() -> Extractor:
    readability = _import("readability")
    lxml_html = _import("lxml.html")

    def extract(raw: bytes, lang: str | None) -> Extract:
        doc = readability.Document(raw)
        tree = lxml_html.fromstring(doc.summary())
        for el in tree.iter(*BLOCK_TAGS):
            el.tail = "\n" + (el.tail or "")
        return Extract(tree.text_content().strip(), doc.short_title())
    return extract


def _resiliparse() -> Extractor:
    html2text = _import("resiliparse.extract.html2text")
    parse = _import("resiliparse.parse.html")
    encoding = _import("resiliparse.parse.encoding")

    def extract(raw: bytes, lang: str | None) -> Extract:
        tree = parse.HTMLTree.parse_from_bytes(raw, encoding.detect_encoding(raw))
        return Extract(html2text.extract_plain_text(tree, main_content=True), tree.title or None)
    return extract


SYSTEMS: dict[str, System] = {s.name: s for s in (
    System("cleanarticle", ("text",), _cleanarticle("text"), "cleanarticle",
           fields=("title", "byline", "date"), note="clean(raw, format='text')"),
    System("cleanarticle-html", ("html",), _cleanarticle("html"), "cleanarticle",
           fields=("title", "byline", "date"), note="clean(raw, format='html')"),
    System("keep-everything", ("text",), _keep_everything, "", kind="baseline",
           note="every input line is body"),
    System("justext-text", ("text",), _justext_text, "jusText",
           note="jusText on the text with each line wrapped in <p>; page's stoplist, else English"),
    System("trafilatura", ("html",), _trafilatura, "trafilatura",
           note="extract(html, include_comments=False), defaults otherwise (its evaluation's settings)"),
    System("trafilatura-fast", ("html",), _trafilatura_fast, "trafilatura",
           note="same with fast=True (no fallback extractors)"),
    System("trafilatura-meta", ("html",), _trafilatura_meta, "trafilatura", fields=("title", "byline", "date"),
           note="bare_extraction(html, include_comments=False, with_metadata=True)"),
    System("justext", ("html",), _justext_html, "jusText",
           note="justext(html, stoplist): page's declared language, else English"),
    System("readability-lxml", ("html",), _readability, "readability-lxml", fields=("title",),
           note="Document(html).summary() to text, .short_title()"),
    System("resiliparse", ("html",), _resiliparse, "resiliparse", fields=("title",),
           note="extract_plain_text(tree, main_content=True), tree.title"),
    System("floor:read+split", ("text",), _read_floor, "", kind="floor",
           note="read the file, decode UTF-8, split lines"),
    System("floor:per-line", ("text",), _line_floor, "", kind="floor",
           note="read + split, then per line: casefold, tokenise, count stopwords, one record"),
    System("floor:lexbor-parse", ("html",), _parse_floor, "selectolax", kind="floor",
           note="read the file, LexborHTMLParser(raw).text()"),
)}


def version(system: System) -> str:
    """Installed version of the system's package, or "not installed" ("-" for plain Python)."""
    if not system.package:
        return "-"
    try:
        return importlib.metadata.version(system.package)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"
