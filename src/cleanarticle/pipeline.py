"""`clean()`: decode -> normalize -> blocks -> features -> classify -> metadata -> revise -> confidence."""

from __future__ import annotations

import dataclasses
import datetime
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from . import (
    article_end,
    blocks,
    classify,
    comments,
    confidence,
    dates,
    decode,
    html_blocks,
    html_dates,
    html_meta,
    kind,
    kind_body,
    langid,
    lexicon,
    limits,
    link_cards,
    main_content,
    metadata,
    model,
    normalize,
    revise,
    safety_net,
    text_shape,
)
from .features import LineFeatures, line_features
from .options import CleanOptions, resolve

# Markup regions whose dates and names sign another text (a comment), not the article. Related boxes
# are not among them: builders wrap whole articles in "widget" boxes (wcxb 0007: its date, lost).
_OTHER_TEXTS = frozenset({model.COMMENTS})


def clean(raw: str | bytes, options: CleanOptions | None = None, **kwargs: Any) -> model.Article:
    """Clean one scraped article given as plain text (one block per line) or HTML.

    `options` (a `CleanOptions`) says how; keywords override its fields: `format` is
    "text", "html" or "auto" (markup means HTML); `lang` (ISO 639-1) skips language
    detection; `url` is the page's address, used by the HTML front-end and, in both modes,
    for the shape of its path (the page's `kind`); input over
    `max_bytes` (default 32 MB; None: no limit) raises ValueError: it is refused, not
    truncated, so no article comes back silently cut short; `disabled_rules` turns
    rules off by id; `thresholds` replaces the classifier's numbers.
    """
    opts = resolve(options, kwargs)
    limits.check_size(raw, opts.max_bytes)
    text, encoding = decode.to_text(raw)
    format = opts.format
    if format == "auto":
        format = "html" if decode.looks_like_html(text) else "text"
    if format == "html":
        return _clean_html(text, opts, encoding=encoding)
    has_tabs = "\t" in text
    text, _ = normalize.normalize(text, keep_tabs=has_tabs)
    lines = blocks.split_lines(text)
    tab_cells = None
    if has_tabs:  # a tab-separated row keeps its cells for its shape; the line gets spaces, as without
        tab_cells = [text_shape.tab_cells(line) for line in lines]
        lines = [line.replace("\t", " ") for line in lines]
    return clean_lines(lines, lang=opts.lang, encoding=encoding, options=opts, tab_cells=tab_cells)


def _clean_html(html: str, opts: CleanOptions, *, encoding: str | None) -> model.Article:
    """HTML front-end: declared metadata, then DOM blocks through the same classifier."""
    tree = LexborHTMLParser(limits.bound_nesting(html))
    head = html_meta.read_head(tree, opts.url)
    html_blocks.strip_invisible(tree)
    dom = html_blocks.html_blocks(tree, keep_links=opts.links, keep_images=opts.images)
    text, _ = normalize.normalize("\n".join(b.text for b in dom.blocks), collapsed=True)
    lines = text.split("\n")
    if len(lines) != len(dom.blocks):  # normalisation never adds or removes a line break
        lines = [normalize.normalize(b.text)[0] for b in dom.blocks]
    return clean_lines(lines, lang=opts.lang or head.lang, encoding=encoding, dom=dom, head=head, options=opts)


def clean_lines(
    lines: list[str],
    *,
    lang: str | None = None,
    encoding: str | None = None,
    today: datetime.date | None = None,
    dom: html_blocks.Dom | None = None,
    head: html_meta.HeadMeta | None = None,
    options: CleanOptions | None = None,
    tab_cells: list[tuple[str, ...] | None] | None = None,
) -> model.Article:
    """The classifier over already-split, normalised lines (one block each).

    HTML pages add `dom` (one block of markup evidence per line) and `head` (declared
    metadata, which wins over what the text rules find). `options` brings the thresholds
    and the rules turned off (its format, lang, url and size were used by `clean`).
    Text pages may add `tab_cells`: per line, its cells where it was cut by tabs (else None).
    """
    opts = options or resolve(None, {})
    t, off = opts.thresholds, opts.disabled_rules
    head = head or html_meta.HeadMeta()
    lang = langid.from_tag(lang) or langid.detect(lines)  # a page's <html lang> may be anything
    lex = lexicon.lexicon(lang)
    today = today or datetime.date.today()
    # A page repeats lines (blank lines, menus printed twice, "Share" under every teaser): each
    # distinct line is featurised once. The memo lives for this page only.
    memo: dict[str, LineFeatures] = {}
    month_first = lang == "en"
    feats = [
        memo.get(line) or memo.setdefault(line, line_features(line, lex, today, month_first=month_first, t=t))
        for line in lines
    ]
    has_stoplist = bool(lex.stopwords) and classify.stoplist_fits(feats, t)
    guesses = first = [classify.classify(f, has_stoplist, t, off) for f in feats]
    if dom is not None:
        guesses = classify.with_dom(feats, guesses, dom.blocks, t, off)
    else:
        guesses = classify.with_text(feats, guesses, t, off)
        guesses = first = classify.with_wraps(feats, guesses, has_stoplist, t, off)
    nonblank = [i for i, f in enumerate(feats) if f.text]
    guessed = metadata.find_title(feats, guesses, nonblank, lex)
    # A declared title is labelled where the page prints it; a headline that differs from
    # it (a kicker, a section name) is not relabelled, but still anchors byline and date.
    title = metadata.title_line(feats, nonblank, head.title) if head.title else guessed
    marked = frozenset(i for i, b in enumerate(dom.blocks) if b.region == "byline") if dom is not None else None
    elsewhere = (
        frozenset(i for i, b in enumerate(dom.blocks) if b.region in _OTHER_TEXTS) if dom is not None else frozenset()
    )
    meta = metadata.find_byline_and_date(
        feats,
        guesses,
        nonblank,
        title if title is not None else guessed,
        marked,
        lex.name_joiners,
        lex.date_words,
        lambda f: f.date is not None and dates.is_update(f.text, f.date, lex),
        elsewhere,
    )
    if meta.title != title:
        meta = dataclasses.replace(meta, title=title)
    main = None
    if dom is not None:
        prose = safety_net.prose(feats, first, dom, t)
        main = main_content.checked(dom, main_content.main_container(dom, guesses, t), prose, t)
        main = main_content.with_title_section(dom, main, guesses, t)
    final, reasons, rule_ids = revise.revise(feats, guesses, meta, main, t, off)
    rescued = None
    if dom is not None and "net.rescue" not in off:
        rescued = safety_net.rescue(feats, first, final, reasons, rule_ids, dom, t)
    elif dom is None and "net.text_rescue" not in off and safety_net.text_lost(feats, first, final, t):
        # The simpler reading: the same context pass without the main text block.
        rescued = safety_net.text_rescue(
            feats, first, final, revise.revise(feats, guesses, meta, None, t, off | {"revise.main_block"}), t
        )
    if rescued is not None:
        final, reasons, rule_ids = rescued
    if dom is not None and "dom.link_cards" not in off:
        carded = link_cards.teasers(final, reasons, rule_ids, dom, t.link_density_max)
        if carded is not None:
            final, reasons, rule_ids = carded
    date_hit = feats[meta.date_line].date if meta.date_line is not None else None
    updated = date_hit is not None and dates.is_update(feats[meta.date_line or 0].text, date_hit, lex)
    date, time, date_source = html_dates.reconcile(head.dates, date_hit, meta.date_line, updated)
    if date is None and not head.dates:
        labelled = metadata.labelled_date(
            feats,
            guesses,
            nonblank,
            lambda f: f.date is not None and dates.is_published(f.text, f.date, lex),
            elsewhere,
        )
        hit = feats[labelled].date if labelled is not None else None
        if labelled is not None and hit is not None:
            date, time, date_source = hit.date, hit.time, f"line {labelled + 1} (labelled as published)"
    anchor = title if title is not None else guessed
    # A declared byline counts where its name is printed near the headline, or where the text
    # shows no byline (see README, "Authors"); else the text rules' byline stands.
    byline, declared = next(
        (
            (text, True)
            for _, text in head.bylines
            if meta.byline_text is None or metadata.printed_near(feats, nonblank, anchor, text)
        ),
        (meta.byline_text, False),
    )
    authors = metadata.authors(byline, lex, declared=declared, is_site=head.is_site)
    # The author's bio after the article, found by the names the page gives.
    if dom is not None and "meta.author_bio" not in off:
        unbio = article_end.without_bio(lines, final, reasons, rule_ids, first, authors, lex.stopwords, dom, t)
        if unbio is not None:
            final, reasons, rule_ids = unbio
    if dom is not None:
        shapes = [b.shape for b in dom.blocks]
        links = [b.links for b in dom.blocks]
        images = [b.images for b in dom.blocks] if opts.images else None
    else:  # text mode infers the shape of body lines, and says so in their reason
        inferred = text_shape.infer(feats, guesses, final, tab_cells)
        shapes = [shape for shape, _ in inferred]
        reasons = [f"{why}; {note}" if note else why for why, (_, note) in zip(reasons, inferred)]
        links = [()] * len(lines)
        images = None
    has_title = title is not None or head.title is not None
    page = kind.signals(
        feats,
        final,
        page_words=lex.page_words,
        has_title=has_title,
        types=head.types,
        url=opts.url,
        link_chars=[b.link_chars for b in dom.blocks] if dom is not None else None,
        main_lines=main.lines if main is not None else None,
        shapes=shapes,
    )
    page_kind = kind.page_kind(page)
    if dom is not None:
        # The kind, decided from the labels above, says what the body of a page that is
        # not an article is (a listing's items, a thread's posts).
        by_kind = kind_body.body_of_kind(feats, first, guesses, final, reasons, rule_ids, dom, page_kind, t, off)
        if by_kind is not None:
            final, reasons, rule_ids = by_kind
    body = "\n".join(feats[i].text for i, lab in enumerate(final) if lab == model.BODY)
    # Read from the final labels, so the body is the same with or without them.
    found = comments.find(feats, first, final, dom=dom, lex=lex, page_kind=page_kind.kind)
    return model.Article(
        title=head.title or (feats[title].text if title is not None else None),
        body=body,
        date=date,
        time=time,
        byline=byline,
        authors=authors,
        date_source=date_source,
        lang=lang,
        # A page the safety net had to rescue was hard to read: its confidence says so.
        confidence=round(
            confidence.confidence(page, page_kind, t) * (t.rescue_confidence_factor if rescued is not None else 1.0), 3
        ),
        kind=page_kind.kind,
        kind_reason=kind_body.empty_note(page_kind, body, bool(nonblank)),
        encoding=encoding,
        format="text" if dom is None else "html",
        comments=found.lines,
        blocks=_with_images(
            tuple(
                model.new_block(i, line, lab, why, rule, g.label, shape, link, found.notes.get(i, ""), ())
                for i, (line, lab, why, rule, g, shape, link) in enumerate(
                    zip(lines, final, reasons, rule_ids, guesses, shapes, links)
                )
            ),
            images,
        ),
    )


def _with_images(blocks: tuple[model.Block, ...], images: list | None) -> tuple[model.Block, ...]:
    """`blocks` with the images recorded by the walk (only with `images=True`: no cost otherwise)."""
    if not images or not any(images):
        return blocks
    return tuple(dataclasses.replace(b, images=im) if im else b for b, im in zip(blocks, images))
