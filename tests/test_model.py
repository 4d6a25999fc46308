"""model: frozen Block/Article dataclasses, paragraphs, JSON-ready to_dict."""
import dataclasses
import json

import pytest

from cleanarticle import model
from cleanarticle.model import HEADING, TABLE_ROW, Article, Block, Shape

BLOCKS = (
    Block(0, "Trang chủ", model.NAV, "lexicon: nav phrase"),
    Block(1, "Hà Nội nâng cấp tuyến đường sắt", model.TITLE, "headline above the first good paragraph", "meta.title",
          model.BODY),
    Block(2, "Đoạn văn thứ nhất.", model.BODY, "good paragraph", "classify.paragraph", model.BODY),
    Block(3, "", model.BLANK, "empty line"),
    Block(4, "Đoạn văn thứ hai.", model.BODY, "good paragraph"),
)


def make(**kw):
    base = dict(title="Hà Nội nâng cấp tuyến đường sắt", body="Đoạn văn thứ nhất.\nĐoạn văn thứ hai.",
                date="2025-07-17", time="08:30", byline="Hồng Châu", authors=("Hồng Châu",),
                date_source="line 3", lang="vi", confidence=0.87, encoding="utf-8", format="text", blocks=BLOCKS)
    base.update(kw)
    return Article(**base)


@pytest.mark.parametrize("field,value", [("title", "Khác"), ("body", ""), ("confidence", 1.0), ("blocks", ())])
def test_article_is_frozen(field, value):
    article = make()
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(article, field, value)


def test_block_is_frozen_and_slotted():
    block = BLOCKS[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        block.label = model.BODY
    assert not hasattr(block, "__dict__")


def test_article_is_hashable_like_a_value():
    assert make() == make()
    assert hash(make()) == hash(make())
    assert make() != make(title="Another title")


def test_defaults():
    article = Article(title=None, body="")
    assert article.authors == () and article.blocks == () and article.format == "text"
    assert article.confidence == 0.0 and article.date is None and article.lang is None


@pytest.mark.parametrize("body,paragraphs", [
    ("Đoạn một.\nĐoạn hai.", ["Đoạn một.", "Đoạn hai."]),
    ("Only one paragraph.", ["Only one paragraph."]),
    ("", []),
], ids=["vi-two", "en-one", "empty"])
def test_paragraphs(body, paragraphs):
    assert make(body=body).paragraphs == paragraphs


def test_block_to_dict():
    assert BLOCKS[2].to_dict() == {"index": 2, "text": "Đoạn văn thứ nhất.", "label": "body",
                                   "reason": "good paragraph", "rule": "classify.paragraph", "first_label": "body",
                                   "shape": {"kind": "paragraph"}}


def test_shape_to_dict_names_only_the_details_that_are_set():
    row = Shape(TABLE_ROW, cells=("Team", ""), header=True)
    assert Block(0, "Team", "body", "r", shape=row).to_dict()["shape"] == {"kind": "table_row", "cells": ["Team", ""],
                                                                           "header": True}
    assert Shape(HEADING, level=3).to_dict() == {"kind": "heading", "level": 3}


def test_to_dict_is_json_serialisable_and_round_trips():
    article = make()
    out = article.to_dict()
    restored = json.loads(json.dumps(out, ensure_ascii=False))
    assert restored == out
    assert restored["authors"] == ["Hồng Châu"]
    assert restored["blocks"][1] == {"index": 1, "text": "Hà Nội nâng cấp tuyến đường sắt", "label": "title",
                                     "reason": "headline above the first good paragraph", "rule": "meta.title",
                                     "first_label": "body", "shape": {"kind": "paragraph"}}
    assert len(restored["blocks"]) == len(BLOCKS)


def test_to_dict_has_every_field():
    out = make().to_dict()
    assert set(out) == {f.name for f in dataclasses.fields(Article)}
    assert out["title"] == "Hà Nội nâng cấp tuyến đường sắt" and out["confidence"] == 0.87


def test_to_dict_without_blocks_omits_them():
    out = make().to_dict(blocks=False)
    assert "blocks" not in out
    assert out["body"] == "Đoạn văn thứ nhất.\nĐoạn văn thứ hai."
    json.dumps(out)


def test_to_dict_blocks_is_keyword_only():
    with pytest.raises(TypeError):
        make().to_dict(False)


def test_to_dict_does_not_share_mutable_state_with_the_article():
    article = make()
    out = article.to_dict()
    out["authors"].append("Someone Else")
    assert article.authors == ("Hồng Châu",)


def test_label_sets():
    assert model.CHROME == model.LABELS - {"body", "title", "byline", "date", "source", "blank"}
    assert {"related", "comments", "share", "promo", "nav", "footer", "header", "image", "caption",
            "duplicate"} == model.CHROME
    assert len(model.LABELS) == 16


def test_new_block_equals_the_constructor_in_every_field():
    """`new_block` (the pipeline's fast path) sets the same fields, in the dataclass's order."""
    assert tuple(f.name for f in dataclasses.fields(Block)) == (
        "index", "text", "label", "reason", "rule", "first_label", "shape", "links", "comment", "images")
    values = (7, "Một dòng", model.BODY, "good paragraph", "classify.paragraph", model.NAV,
              Shape(HEADING, level=2), (("anchor", "https://example.org/"),), "comment 1: in <div.comments>",
              (("a photo", "https://example.org/a.jpg"),))
    fast, slow = model.new_block(*values), Block(*values)
    assert fast == slow and hash(fast) == hash(slow) and type(fast) is Block
    assert [getattr(fast, f.name) for f in dataclasses.fields(Block)] == list(values)
