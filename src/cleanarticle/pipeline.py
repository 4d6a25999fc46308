"""`clean()`: decode -> normalize -> blocks -> features -> classify -> metadata -> revise -> confidence."""
from __future__ import annotations

import dataclasses
import datetime

from selectolax.lexbor import LexborHTMLParser

from . import blocks, classify, confidence, decode, html_blocks, html_dates, html_meta, langid, lexicon, limits
from . import main_content, metadata, model, normalize, revise, safety_net
from .features import LineFeatures, line_features


def clean(raw: str | bytes, *, format: str = "auto", lang: str | None = None,
          url: str | None = None, max_bytes: int | None = limits.MAX_BYTES) -> model.Article:
    """Clean one scraped article given as plain text (one block per line) or HTML.

    `format` is "text", "html" or "auto" (markup means HTML); `lang` (ISO 639-1) skips
    language detection; `url` is the page's address, used by the HTML front-end.
    Input over `max_bytes` (default 32 MB; None: no limit) raises ValueError: it is
    refused, not truncated, so no article comes back silently cut short.
    """
    limits.check_options(raw, format=format, lang=lang, url=url, max_bytes=max_bytes)
    text, encoding = decode.to_text(raw)
    if format == "auto":
        format = "html" if decode.looks_like_html(text) else "text"
    if format == "html":
        return _clean_html(text, lang=lang, url=url, encoding=encoding)
    text, _ = normalize.normalize(text)
    lines = blocks.split_lines(text)
    return clean_lines(lines, lang=lang, encoding=encoding)


def _clean_html(html: str, *, lang: str | None, url: str | None, encoding: str | None) -> model.Article:
    """HTML front-end: declared metadata, then DOM blocks through the same classifier."""
    tree = LexborHTMLParser(limits.bound_nesting(html))
    head = html_meta.read_head(tree, url)
    html_blocks.strip_invisible(tree)
    dom = html_blocks.html_blocks(tree)
    text, _ = normalize.normalize("\n".join(b.text for b in dom.blocks))
    lines = text.split("\n")
    if len(lines) != len(dom.blocks):  # normalisation never adds or removes a line break
        lines = [normalize.normalize(b.text)[0] for b in dom.blocks]
    return clean_lines(lines, lang=lang or head.lang, encoding=encoding, dom=dom, head=head)


def clean_lines(lines: list[str], *, lang: str | None = None, encoding: str | None = None,
                today: datetime.date | None = None, dom: html_blocks.Dom | None = None,
                head: html_meta.HeadMeta | None = None) -> model.Article:
    """The classifier over already-split, normalised lines (one block each).

    HTML pages add `dom` (one block of markup evidence per line) and `head` (declared
    metadata, which wins over what the text rules find).
    """
    head = head or html_meta.HeadMeta()
    lang = langid.from_tag(lang) or langid.detect(lines)  # a page's <html lang> may be anything
    lex = lexicon.lexicon(lang)
    today = today or datetime.date.today()
    # A page repeats lines (blank lines, menus printed twice, "Share" under every teaser): each
    # distinct line is featurised once. The memo lives for this page only.
    memo: dict[str, LineFeatures] = {}
    feats = [memo.get(line) or memo.setdefault(line, line_features(line, lex, today, month_first=lang == "en"))
             for line in lines]
    has_stoplist = bool(lex.stopwords) and classify.stoplist_fits(feats)
    guesses = first = [classify.classify(f, has_stoplist) for f in feats]
    if dom is not None:
        guesses = classify.with_dom(feats, guesses, dom.blocks)
    nonblank = [i for i, f in enumerate(feats) if f.text]
    guessed = metadata.find_title(feats, guesses, nonblank)
    # A declared title is labelled where the page prints it; a headline that differs from
    # it (a kicker, a section name) is not relabelled, but still anchors byline and date.
    title = metadata.title_line(feats, nonblank, head.title) if head.title else guessed
    marked = frozenset(i for i, b in enumerate(dom.blocks) if b.region == "byline") if dom is not None else None
    meta = metadata.find_byline_and_date(feats, guesses, nonblank, title if title is not None else guessed, marked,
                                         lex.name_joiners)
    if meta.title != title:
        meta = dataclasses.replace(meta, title=title)
    main = None
    if dom is not None:
        prose = safety_net.prose(feats, first, dom)
        main = main_content.checked(dom, main_content.main_container(dom, guesses), prose)
        main = main_content.with_title_section(dom, main, guesses)
    final, reasons = revise.revise(feats, guesses, meta, main)
    if dom is not None:
        rescued = safety_net.rescue(feats, first, final, reasons, dom)
    elif safety_net.text_lost(feats, first, final):
        rescued = safety_net.text_rescue(feats, first, final, reasons,
                                         revise.revise(feats, guesses, meta, main_block=False))
    else:
        rescued = None
    if rescued is not None:
        final, reasons = rescued
    date_hit = feats[meta.date_line].date if meta.date_line is not None else None
    date, time, date_source = html_dates.reconcile(head.dates, date_hit, meta.date_line)
    anchor = title if title is not None else guessed
    # A declared byline counts where its name is printed near the headline, or where the text
    # shows no byline (see README, "Authors"); else the text rules' byline stands.
    byline, declared = next(((text, True) for _, text in head.bylines
                             if meta.byline_text is None or metadata.printed_near(feats, nonblank, anchor, text)),
                            (meta.byline_text, False))
    return model.Article(
        title=head.title or (feats[title].text if title is not None else None),
        body="\n".join(feats[i].text for i, lab in enumerate(final) if lab == model.BODY),
        date=date,
        time=time,
        byline=byline,
        authors=metadata.authors(byline, lex, declared=declared, is_site=head.is_site),
        date_source=date_source,
        lang=lang,
        confidence=round(confidence.confidence(feats, final, title is not None or head.title is not None)
                         * (safety_net.RESCUE_CONFIDENCE_FACTOR if rescued is not None else 1.0), 3),
        encoding=encoding,
        format="text" if dom is None else "html",
        blocks=tuple(model.Block(i, line, lab, why) for i, (line, lab, why) in enumerate(zip(lines, final, reasons))),
    )
