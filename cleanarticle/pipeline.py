"""`clean()`: input -> blocks -> features -> labels -> context -> article."""
from __future__ import annotations

import datetime

from . import article, blocks, context, decode, labels, langid, lexicon, metadata, model, normalize
from .features import line_features


def clean(raw: str | bytes, *, format: str = "auto", lang: str | None = None,
          url: str | None = None) -> model.Article:
    """Clean one scraped article given as plain text (one block per line) or HTML.

    `format` is "text", "html" or "auto" (markup means HTML); `lang` (ISO 639-1) skips
    language detection; `url` is the page's address, used by the HTML front-end.
    """
    decode.check_format(format)
    text, encoding = decode.to_text(raw)
    if format == "auto":
        format = "html" if decode.looks_like_html(text) else "text"
    if format == "html":
        raise NotImplementedError("HTML input is not supported yet; pass plain text with format='text'")
    text, _ = normalize.normalize(text)
    lines = blocks.split_lines(text)
    return clean_lines(lines, lang=lang, encoding=encoding)


def clean_lines(lines: list[str], *, lang: str | None = None, encoding: str | None = None,
                today: datetime.date | None = None) -> model.Article:
    """The classifier over already-split, normalised lines (one block each)."""
    lang = lang.lower().split("-")[0] if lang else langid.detect(lines)
    lex = lexicon.lexicon(lang)
    today = today or datetime.date.today()
    feats = [line_features(line, lex, today, month_first=lang == "en") for line in lines]
    has_stoplist = bool(lex.stopwords) and labels.stoplist_fits(feats)
    guesses = [labels.classify(f, has_stoplist) for f in feats]
    nonblank = [i for i, f in enumerate(feats) if f.text]
    title = metadata.find_title(feats, guesses, nonblank)
    meta = metadata.find_byline_and_date(feats, guesses, nonblank, title)
    final, reasons = context.revise(feats, guesses, meta)
    date_hit = feats[meta.date_line].date if meta.date_line is not None else None
    return model.Article(
        title=feats[title].text if title is not None else None,
        body="\n".join(feats[i].text for i, lab in enumerate(final) if lab == model.BODY),
        date=date_hit.date if date_hit else None,
        time=date_hit.time if date_hit else None,
        byline=meta.byline_text,
        authors=metadata.authors(meta.byline_text, lex),
        date_source=f"line {meta.date_line + 1}" if meta.date_line is not None else None,
        lang=lang,
        confidence=article.confidence(feats, final, title is not None),
        encoding=encoding,
        format="text",
        blocks=tuple(model.Block(i, line, lab, why) for i, (line, lab, why) in enumerate(zip(lines, final, reasons))),
    )
