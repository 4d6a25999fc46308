"""Every tunable number of the line classifier, as one frozen value (`Thresholds`).

A grid search or a per-rule sweep changes a field, not the code:

    from cleanarticle import CleanOptions, Thresholds, clean
    clean(page, thresholds=Thresholds(length_low=80))

The defaults are the module constants next to the code that uses them (`classify.LENGTH_LOW`,
`revise.MAX_BOX_ITEMS`, ...), where a comment says how each was measured; a field here
names its constant, so there is one value and one reason for each. The pipeline hands the
object down to every step, which reads its fields directly (no lookup by name per line).
Not here: metadata.py's windows and features' name shape (`NAME_MIN_WORDS`), which the
metadata rules read on their own.
"""

from __future__ import annotations

import dataclasses

from . import article_end, classify, confidence, features, kind_body, main_content, revise, safety_net


@dataclasses.dataclass(frozen=True, slots=True)
class Thresholds:
    """The classifier's thresholds; each field's default is the constant it names."""

    # Line features (features.py).
    headline_min_words: int = features.HEADLINE_MIN_WORDS
    headline_max_words: int = features.HEADLINE_MAX_WORDS
    long_line_chars: int = features.LONG_LINE_CHARS
    date_line_max_other_words: int = features.DATE_LINE_MAX_OTHER_WORDS
    dense_char_weight: int = features.DENSE_CHAR_WEIGHT
    hangul_char_weight: int = features.HANGUL_CHAR_WEIGHT
    thai_chars_per_word: int = features.THAI_CHARS_PER_WORD
    thai_sentence_min_words: int = features.THAI_SENTENCE_MIN_WORDS
    # First pass (classify.py): line quality, then HTML evidence.
    length_low: int = classify.LENGTH_LOW
    length_high: int = classify.LENGTH_HIGH
    stop_low: float = classify.STOP_LOW
    stop_high: float = classify.STOP_HIGH
    short_sentence_words: int = classify.SHORT_SENTENCE_WORDS
    no_stoplist_good_words: int = classify.NO_STOPLIST_GOOD_WORDS
    stoplist_min_fit: float = classify.STOPLIST_MIN_FIT
    dense_sentence_min_stop: float = classify.DENSE_SENTENCE_MIN_STOP
    wrap_min_chars: int = classify.WRAP_MIN_CHARS
    link_density_max: float = classify.LINK_DENSITY_MAX
    region_max_good_share: float = classify.REGION_MAX_GOOD_SHARE
    # Main content container (main_content.py, HTML).
    sibling_min_share: float = main_content.SIBLING_MIN_SHARE
    min_coverage: float = main_content.MIN_COVERAGE
    min_prose_share: float = main_content.MIN_PROSE_SHARE
    title_section_min_chars: int = main_content.TITLE_SECTION_MIN_CHARS
    title_section_min_gap: int = main_content.TITLE_SECTION_MIN_GAP
    # Context pass (revise.py).
    max_box_items: int = revise.MAX_BOX_ITEMS
    hole_min_words: int = revise.HOLE_MIN_WORDS
    blank_separated_share: float = revise.BLANK_SEPARATED_SHARE
    max_heading_distance: int = revise.MAX_HEADING_DISTANCE
    story_headline_min_words: int = revise.STORY_HEADLINE_MIN_WORDS
    story_headline_title_share: float = revise.STORY_HEADLINE_TITLE_SHARE
    tail_max_body_share: float = revise.TAIL_MAX_BODY_SHARE
    min_toc_entries: int = revise.MIN_TOC_ENTRIES
    min_repeat_run: int = revise.MIN_REPEAT_RUN
    repeat_run_words: int = revise.REPEAT_RUN_WORDS
    # The author's bio box after the article (article_end.py, HTML).
    bio_max_body_share: float = article_end.BIO_MAX_BODY_SHARE
    bio_min_first_name: int = article_end.BIO_MIN_FIRST_NAME
    truncated_window: int = revise.TRUNCATED_WINDOW
    truncated_max_good_share: float = revise.TRUNCATED_MAX_GOOD_SHARE
    short_line_cost: int = revise.SHORT_LINE_COST
    chrome_line_cost: int = revise.CHROME_LINE_COST
    # Safety net (safety_net.py, HTML).
    rescue_max_kept_share: float = safety_net.RESCUE_MAX_KEPT_SHARE
    rescue_min_missed_chars: int = safety_net.RESCUE_MIN_MISSED_CHARS
    rescue_max_kept_chars: int = safety_net.RESCUE_MAX_KEPT_CHARS
    rescue_comments_max_kept_chars: int = safety_net.RESCUE_COMMENTS_MAX_KEPT_CHARS
    rescue_min_sibling_paragraphs: int = safety_net.RESCUE_MIN_SIBLING_PARAGRAPHS
    rescue_confidence_factor: float = safety_net.RESCUE_CONFIDENCE_FACTOR
    # Safety net, text mode.
    text_rescue_max_kept_share: float = safety_net.TEXT_RESCUE_MAX_KEPT_SHARE
    text_rescue_max_kept_chars: int = safety_net.TEXT_RESCUE_MAX_KEPT_CHARS
    text_rescue_min_missed_chars: int = safety_net.TEXT_RESCUE_MIN_MISSED_CHARS
    text_rescue_min_gain: float = safety_net.TEXT_RESCUE_MIN_GAIN
    # The body of pages that are not articles (kind_body.py, HTML).
    kind_body_max_article: float = kind_body.KIND_BODY_MAX_ARTICLE
    forum_min_post_chars: int = kind_body.FORUM_MIN_POST_CHARS
    forum_max_kept_ratio: float = kind_body.FORUM_MAX_KEPT_RATIO
    product_window: int = kind_body.PRODUCT_WINDOW
    product_max_near_chars: int = kind_body.PRODUCT_MAX_NEAR_CHARS
    listing_item_min_words: int = kind_body.LISTING_ITEM_MIN_WORDS
    listing_min_items: int = kind_body.LISTING_MIN_ITEMS
    listing_max_kept_ratio: float = kind_body.LISTING_MAX_KEPT_RATIO
    page_wide_region_share: float = kind_body.PAGE_WIDE_REGION_SHARE
    listing_max_text_run: int = kind_body.LISTING_MAX_TEXT_RUN
    # Confidence (confidence.py).
    full_article_words: int = confidence.FULL_ARTICLE_WORDS
    article_shift: float = confidence.ARTICLE_SHIFT

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise TypeError(f"Thresholds.{f.name} must be a number, not {type(value).__name__}")
            if value < 0:
                raise ValueError(f"Thresholds.{f.name} must not be negative, not {value}")


DEFAULT = Thresholds()
