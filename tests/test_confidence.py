"""article.confidence: size x shape x list-ness, always in [0, 1]."""
import datetime

import pytest

from cleanarticle import model
from cleanarticle.confidence import FULL_ARTICLE_WORDS, confidence
from cleanarticle.features import line_features
from cleanarticle.lexicon import lexicon

TODAY = datetime.date(2026, 1, 1)
VI = lexicon("vi")

V = ["Chính phủ vừa thông qua kế hoạch nâng cấp hệ thống đường sắt nối Hà Nội với các tỉnh phía bắc, dự kiến "
     "hoàn thành trong năm năm tới.",
     "Theo Bộ Giao thông, dự án sẽ giúp giảm thời gian đi lại giữa thủ đô và các tỉnh miền núi xuống còn một nửa "
     "so với hiện nay.",
     "Nhiều người dân bày tỏ sự vui mừng khi biết tin, bởi họ đã phải chờ đợi tuyến đường sắt mới trong suốt nhiều "
     "năm qua.",
     "Các chuyên gia cho rằng tuyến đường sắt sẽ thúc đẩy du lịch và thương mại ở những địa phương còn khó khăn.",
     "Bộ cũng yêu cầu các nhà thầu bảo đảm an toàn lao động và hạn chế ảnh hưởng tới đời sống của người dân.",
     "Dự kiến giai đoạn đầu của dự án sẽ được khởi công vào cuối năm nay tại ga Yên Viên."]
E = ["The city council voted on Tuesday to expand the bus network to the northern suburbs, a plan that officials "
     "say will take three years.",
     "Residents of the northern districts have complained for years that they have to drive to work because buses "
     "come only once an hour.",
     "The council will hold public meetings in every district before the first new routes open to passengers next "
     "spring.",
     "Officials estimate that the expansion will cost about forty million dollars, most of it paid by the state.",
     "Opponents on the council said the money would be better spent on repairing roads and bridges in the city.",
     "The first new route, linking the northern train station with the hospital, is expected to open in May.",
     "Bus drivers' unions welcomed the decision but asked the council to hire more staff before the routes open.",
     "The mayor said she hoped the new buses would persuade more families to leave their cars at home on weekdays."]


def feats_of(lines):
    return [line_features(line, VI, TODAY) for line in lines]


def score(page, has_title=True):
    """page: list of (text, label)."""
    return confidence(feats_of([t for t, _ in page]), [lab for _, lab in page], has_title)


@pytest.mark.parametrize("paras,title", [(V, "Hà Nội nâng cấp tuyến đường sắt lên phía bắc"),
                                         (E, "Council votes to expand bus network north")], ids=["vi", "en"])
def test_normal_article_with_title_scores_high(paras, title):
    page = [("Trang chủ", model.NAV), (title, model.TITLE), ("Hồng Châu", model.BYLINE)]
    page += [(p, model.BODY) for p in paras] + [("Tin liên quan", model.RELATED)]
    assert sum(f.words for f in feats_of(paras)) >= FULL_ARTICLE_WORDS  # the fixture is article-sized
    assert score(page) == 1.0


@pytest.mark.parametrize("page", [
    [("Không tìm thấy trang", model.BODY), ("Trang chủ", model.NAV)],
    [("Page not found.", model.BODY), ("Home", model.NAV), ("Search", model.NAV)],
    [("", model.BLANK)],
    [],
], ids=["vi-404", "en-404", "only-blank", "no-lines"])
def test_near_empty_page_scores_low(page):
    assert score(page, has_title=False) < 0.1


def test_short_body_scales_linearly_with_words():
    page = [(E[0], model.BODY)]
    words = feats_of([E[0]])[0].words
    assert score(page) == round(words / FULL_ARTICLE_WORDS, 3)


def test_missing_title_costs_a_fifth():
    page = [(p, model.BODY) for p in E[:3]]
    with_title = score(page, True)
    assert 0 < with_title < 1
    assert score(page, False) == pytest.approx(0.8 * with_title, abs=0.001)


@pytest.mark.parametrize("lang_paras", [V, E], ids=["vi", "en"])
def test_page_of_teasers_scores_low(lang_paras):
    # An index page: a few body-looking lines among many teaser headlines and summaries.
    page = [(p, model.BODY) for p in lang_paras[:2]]
    page += [(f"Tin số {n}: đường sắt và xe buýt mở rộng ra ngoại thành", model.RELATED) for n in range(30)]
    assert score(page, True) < 0.1


def test_related_share_at_or_below_half_costs_nothing():
    body = [(p, model.BODY) for p in E]
    related = [(f"Teaser headline number {n} about buses", model.RELATED) for n in range(len(body))]
    assert score(body + related) == score(body)


def test_list_ness_grows_with_the_share_of_teasers():
    body = [(p, model.BODY) for p in E]
    some = score(body + [(f"Teaser {n} about the buses", model.RELATED) for n in range(12)])
    many = score(body + [(f"Teaser {n} about the buses", model.RELATED) for n in range(40)])
    assert score(body) > some > many


def test_blank_lines_do_not_dilute_the_teaser_share():
    teasers = [(f"Teaser {n} about the buses", model.RELATED) for n in range(20)]
    body = [(p, model.BODY) for p in E]
    blanks = [("", model.BLANK)] * 50
    assert score(body + teasers + blanks) == score(body + teasers)


def test_only_body_lines_count_as_words():
    as_body = [(p, model.BODY) for p in E]
    as_related = [(p, model.RELATED) for p in E]
    as_caption = [(p, model.CAPTION) for p in E]
    assert score(as_body) > 0
    assert score(as_related) == 0.0
    assert score(as_caption) == 0.0


@pytest.mark.parametrize("page,has_title", [
    ([(p, model.BODY) for p in V * 5], True),
    ([(p, model.BODY) for p in E * 5], False),
    ([(p, model.RELATED) for p in E * 5], True),
    ([("Tin liên quan", model.RELATED)] * 10, False),
    ([(p, model.BODY) for p in V] + [("x y z", model.RELATED)] * 100, True),
], ids=["vi-long", "en-long-no-title", "all-related", "vi-only-teasers", "mostly-teasers"])
def test_confidence_is_within_unit_interval(page, has_title):
    assert 0.0 <= score(page, has_title) <= 1.0
