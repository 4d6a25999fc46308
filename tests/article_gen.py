"""Realistic news pages for the property tests: body paragraphs and chrome blocks, composed.

Every generator takes a `random.Random`, so the same code serves hypothesis (which draws
the seed) and the seeded loops that measure rates over thousands of pages. English and Vietnamese sentences come from small grammars (subjects, verbs, objects,
circumstances, quotes with names) so that paragraphs read like news and carry the stopwords
a real text has; lorem ipsum would rightly be rejected. Other languages recombine the
sentences and headlines of the hand-written pages in tests/cases/languages, and take their
chrome headings from the package's lexicons.

A page knows the role of each of its lines: "title", "byline", "date", "body", "blank", or
"chrome:<kind>" with kind one of related, caption, comments, share, footer.
"""
from __future__ import annotations

import dataclasses
import functools
import html
import json
import pathlib
import random
import unicodedata

import regex

import cleanarticle

ROOT = pathlib.Path(__file__).resolve().parents[1]
LEXICONS = pathlib.Path(cleanarticle.__file__).parent / "data" / "lexicons"  # the package under test
LANGUAGE_CASES = ROOT / "tests" / "cases" / "languages"
CHROME_KINDS = ("related", "caption", "comments", "share", "footer")

# -- English -------------------------------------------------------------------------------

EN = dict(
    subjects=["The city council", "Officials in the northern province", "A spokesperson for the ministry",
              "Residents of the riverside district", "The company", "Police in the capital", "Teachers at the school",
              "Farmers in the delta", "The central bank", "Staff at the regional hospital",
              "Researchers at the national university", "The transport authority", "Union leaders",
              "The environment agency", "Several local businesses", "The mayor's office"],
    verbs=["approved", "announced", "criticised", "delayed", "welcomed", "proposed", "rejected", "reviewed",
           "expanded", "questioned", "defended", "postponed", "unveiled", "called for"],
    objects=["a plan to build a new bridge across the river", "the budget for the coming year",
             "new rules for street vendors in the old quarter", "a program to repair roads damaged by the floods",
             "the decision to close two bus lines", "a study of air quality near the industrial park",
             "higher fees for parking in the city centre", "the results of the annual inspection",
             "a proposal to extend the school day", "the contract for the new water treatment plant",
             "plans to plant trees along the main avenue", "an increase in the minimum wage"],
    tails=["on Tuesday", "after months of debate", "despite strong opposition from local businesses",
           "according to a statement released by the office", "as prices continued to rise",
           "at a meeting that lasted until late in the evening", "for the second time this year",
           "before the rainy season begins", "in a vote of nine to four", ""],
    names=["Jane Miller", "David Okafor", "Maria Lopez", "Tom Becker", "Aisha Rahman", "Peter Walsh",
           "Linh Tran", "Robert Chen", "Sarah Goldberg", "James Kimani"],
    roles=["a shop owner", "a local engineer", "a retired teacher", "a city planner", "a nurse", "a taxi driver"],
    places=["the old quarter", "the port district", "the eastern suburbs", "a village near the coast"],
    quotes=["We have waited for this for a long time", "Nobody asked us what we needed",
            "It will make a real difference for families here", "We are worried about the cost",
            "The work should have started years ago", "I think most people will be happy with it"],
    effects=["cut travel times by half", "cost more than the council expects", "help hundreds of families",
             "take at least two years to finish", "put pressure on small shops", "bring more visitors to the area"],
    headline_subjects=["City council", "Province", "Ministry", "Residents", "Central bank", "Hospital staff",
                       "Transport authority", "Farmers", "Police", "Teachers", "Union"],
    headline_verbs=["approves", "rejects", "delays", "backs", "warns over", "questions", "unveils", "expands"],
    headline_objects=["plan for new river bridge", "budget for next year", "rules for street vendors",
                      "road repairs after floods", "closure of two bus lines", "air quality study",
                      "parking fees in the centre", "longer school day", "water plant contract", "wage rise"],
    related_headings=["Read more", "Related", "Related stories", "More from World", "You may also like",
                      "Most read", "Trending now", "Read next", "More stories", "Recommended"],
    captions=["Residents wade through a flooded street in the old quarter", "The new bridge seen from the east bank",
              "Council members vote at the meeting on Tuesday", "Workers repair a road damaged by the floods",
              "Traders set up their stalls before dawn", "Students leave the school after the last class"],
    credits=["Photo: Reuters", "Photo: AP", "(Photo: AFP)", "Photo: Jane Miller/AP", "Image: Getty Images",
             "Photograph: EPA"],
    comment_prompts=["Comments (12)", "Leave a comment", "Show comments", "Comments", "Join the conversation",
                     "View comments (3)"],
    user_comments=["Great article, thanks for sharing!", "I live there and nobody told us anything about this.",
                   "Finally some good news for our neighbourhood.", "This will never be finished on time."],
    share=["Share", "Share this article", "Facebook Twitter Email", "Share on Facebook | Share on Twitter",
           "Copy link", "Share on WhatsApp", "Print"],
    footer=["© 2025 The Daily Ledger. All rights reserved.", "Privacy policy | Terms of use | Contact us",
            "About us", "Advertise with us", "Contact us", "Terms of service"],
    image_files=["IMG_2043.jpg", "flood-old-quarter-2025.jpg", "bridge_east_bank.png", "council-vote.webp"],
    dates=["July 17, 2025", "Thursday, July 17, 2025 10:30", "17 July 2025", "Updated: July 17, 2025 08:15"],
)


def _en_sentence(rnd: random.Random) -> str:
    if rnd.random() < 0.25:
        return (f'"{rnd.choice(EN["quotes"])}," said {rnd.choice(EN["names"])}, {rnd.choice(EN["roles"])} '
                f'in {rnd.choice(EN["places"])}.')
    if rnd.random() < 0.3:
        return (f"{rnd.choice(EN['names'])}, {rnd.choice(EN['roles'])} in {rnd.choice(EN['places'])}, said the "
                f"change would {rnd.choice(EN['effects'])}.")
    tail = rnd.choice(EN["tails"])
    return f"{rnd.choice(EN['subjects'])} {rnd.choice(EN['verbs'])} {rnd.choice(EN['objects'])}" + (
        f" {tail}." if tail else ".")


def _en_headline(rnd: random.Random) -> str:
    return f"{rnd.choice(EN['headline_subjects'])} {rnd.choice(EN['headline_verbs'])} {rnd.choice(EN['headline_objects'])}"


# -- Vietnamese ----------------------------------------------------------------------------

VI = dict(
    subjects=["Ủy ban nhân dân thành phố", "Bộ Y tế", "Người dân ở các xã ven biển", "Công ty", "Lực lượng chức năng",
              "Các nhà khoa học", "Giáo viên trường tiểu học", "Nông dân ở đồng bằng sông Cửu Long",
              "Ngân hàng Nhà nước", "Đại diện Sở Giao thông vận tải", "Ban quản lý chợ", "Hội đồng nhân dân tỉnh",
              "Nhiều doanh nghiệp trong khu công nghiệp", "Chính quyền địa phương"],
    verbs=["đã phê duyệt", "vừa công bố", "đã đề xuất", "đang xem xét", "đã hoãn", "đã triển khai", "vừa thông qua",
           "đã bác bỏ", "đã hoan nghênh", "đã kiến nghị", "đang lấy ý kiến về"],
    objects=["kế hoạch xây dựng cây cầu mới bắc qua sông", "dự toán ngân sách cho năm tới",
             "quy định mới đối với người bán hàng rong trong phố cổ", "chương trình sửa chữa các tuyến đường bị ngập",
             "quyết định đóng cửa hai tuyến xe buýt", "kết quả khảo sát chất lượng không khí gần khu công nghiệp",
             "mức phí gửi xe mới ở khu trung tâm", "đề án kéo dài thời gian học ở trường",
             "hợp đồng xây dựng nhà máy xử lý nước", "kế hoạch trồng cây xanh dọc đại lộ",
             "việc tăng lương tối thiểu vùng"],
    tails=["vào sáng thứ Ba", "sau nhiều tháng thảo luận", "bất chấp sự phản đối của nhiều hộ kinh doanh",
           "theo thông báo của văn phòng", "trong bối cảnh giá cả tiếp tục tăng", "tại cuộc họp kéo dài đến tối",
           "lần thứ hai trong năm nay", "trước khi mùa mưa bắt đầu", "với sự đồng ý của đa số đại biểu", ""],
    names=["Nguyễn Văn Hùng", "Trần Thị Lan", "Lê Minh Tuấn", "Phạm Thu Hà", "Hoàng Quốc Bảo", "Đỗ Thị Mai",
           "Vũ Đức Thắng", "Bùi Ngọc Anh"],
    honorifics={"Nguyễn Văn Hùng": "ông", "Trần Thị Lan": "bà", "Lê Minh Tuấn": "ông", "Phạm Thu Hà": "bà",
                "Hoàng Quốc Bảo": "ông", "Đỗ Thị Mai": "bà", "Vũ Đức Thắng": "ông", "Bùi Ngọc Anh": "bà"},
    roles=["chủ một cửa hàng", "kỹ sư xây dựng", "giáo viên đã nghỉ hưu", "cán bộ quy hoạch", "y tá", "tài xế taxi"],
    places=["phố cổ", "khu cảng", "các quận phía đông", "một ngôi làng ven biển"],
    quotes=["Chúng tôi đã chờ đợi điều này từ lâu", "Không ai hỏi chúng tôi cần gì",
            "Điều này sẽ giúp các gia đình ở đây rất nhiều", "Chúng tôi lo lắng về chi phí",
            "Công trình lẽ ra phải bắt đầu từ nhiều năm trước"],
    effects=["rút ngắn một nửa thời gian đi lại", "tốn kém hơn dự kiến", "giúp hàng trăm gia đình",
             "mất ít nhất hai năm để hoàn thành", "gây áp lực cho các cửa hàng nhỏ", "thu hút thêm du khách"],
    headline_subjects=["Hà Nội", "TP HCM", "Bộ Y tế", "Ngân hàng Nhà nước", "Đà Nẵng", "Nông dân miền Tây",
                       "Giá xăng", "Học sinh", "Cần Thơ"],
    headline_verbs=["phê duyệt", "lùi thời hạn", "công bố", "đề xuất", "tạm dừng", "mở rộng", "xem xét"],
    headline_objects=["kế hoạch xây cầu mới", "ngân sách năm tới", "quy định cho người bán hàng rong",
                      "sửa đường sau mưa lũ", "hai tuyến xe buýt", "khảo sát chất lượng không khí",
                      "phí gửi xe khu trung tâm", "hợp đồng nhà máy nước", "lương tối thiểu vùng"],
    related_headings=["Tin liên quan", "Xem thêm", "Đọc thêm", "Tin cùng chuyên mục", "Có thể bạn quan tâm",
                      "Tin mới nhất", "Đọc nhiều", "Bài viết liên quan"],
    captions=["Người dân lội qua con phố bị ngập trong khu phố cổ", "Cây cầu mới nhìn từ bờ đông",
              "Các đại biểu biểu quyết tại phiên họp sáng thứ Ba", "Công nhân sửa chữa tuyến đường hư hỏng sau lũ",
              "Tiểu thương dọn hàng từ trước khi trời sáng"],
    credits=["Ảnh: Ngọc Thành", "Ảnh: TTXVN", "(Ảnh: Reuters)", "Ảnh minh họa", "Nguồn: VnExpress", "Đồ họa: Minh Hoa"],
    comment_prompts=["Bình luận (12)", "Ý kiến của bạn", "Gửi bình luận", "Ý kiến bạn đọc", "Xem thêm bình luận",
                     "Bình luận"],
    user_comments=["Bài viết rất hay, cảm ơn tác giả!", "Tôi sống ở đó mà chẳng ai thông báo gì cả.",
                   "Cuối cùng cũng có tin vui cho khu phố chúng tôi.", "Chắc chắn sẽ không xong đúng hạn đâu."],
    share=["Chia sẻ", "Chia sẻ bài viết", "Facebook Twitter Email", "In bài viết", "Sao chép liên kết", "Lưu bài viết"],
    footer=["© 2025 Báo Điện tử Tin Nhanh. Bản quyền thuộc về Tin Nhanh.", "Điều khoản sử dụng | Chính sách bảo mật",
            "Liên hệ quảng cáo", "Tổng biên tập: Nguyễn Văn Hùng", "Giấy phép số 123/GP-BTTTT", "Liên hệ"],
    image_files=["anh-1.jpg", "ngap-pho-co-2025.jpg", "cau-moi_bo-dong.png", "hop-hdnd.webp"],
    dates=["Thứ Năm, 17/7/2025, 10:30 (GMT+7)", "17/07/2025 08:15", "Cập nhật: 17/07/2025 10:30", "17/7/2025"],
)


def _vi_sentence(rnd: random.Random) -> str:
    name = rnd.choice(VI["names"])
    who = f"{VI['honorifics'][name]} {name}, {rnd.choice(VI['roles'])} ở {rnd.choice(VI['places'])}"
    if rnd.random() < 0.25:
        return f'"{rnd.choice(VI["quotes"])}", {who}, cho biết.'
    if rnd.random() < 0.3:
        return f"Theo {who}, thay đổi này sẽ {rnd.choice(VI['effects'])}."
    tail = rnd.choice(VI["tails"])
    return f"{rnd.choice(VI['subjects'])} {rnd.choice(VI['verbs'])} {rnd.choice(VI['objects'])}" + (
        f" {tail}." if tail else ".")


def _vi_headline(rnd: random.Random) -> str:
    return f"{rnd.choice(VI['headline_subjects'])} {rnd.choice(VI['headline_verbs'])} {rnd.choice(VI['headline_objects'])}"


# -- other languages: the language cases and the lexicons -----------------------------------

_SENTENCE_END = regex.compile(r"(?<=[.!?。！？।۔؟])\s*")


@functools.lru_cache(maxsize=64)
def _case_pool(lang: str) -> dict[str, tuple[str, ...]]:
    """Sentences, headlines and a byline of the hand-written pages of `lang`."""
    sentences, headlines, bylines = [], [], []
    for path in sorted(LANGUAGE_CASES.glob("*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        if case["lang"] != lang:
            continue
        for paragraph in case["body"]:
            parts = [s for s in _SENTENCE_END.split(paragraph) if s.strip()]
            sentences.extend(parts if len(parts) > 1 else [paragraph])
        headlines.append(case["title"])
        if case.get("byline"):
            bylines.append(case["byline"])
    return {"sentences": tuple(sentences), "headlines": tuple(headlines), "bylines": tuple(bylines)}


@functools.lru_cache(maxsize=64)
def _lexicon_phrases(lang: str) -> dict[str, tuple[str, ...]]:
    """The lexicon's phrases by kind, as a page would print them (first letter capitalised)."""
    out: dict[str, list[str]] = {}
    for line in (LEXICONS / f"{lang}.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, _, rest = line.partition("\t")
            phrase = rest.partition("\t")[0].strip()
            out.setdefault(kind, []).append(phrase[:1].upper() + phrase[1:])
    return {k: tuple(v) for k, v in out.items()}


def case_languages() -> tuple[str, ...]:
    langs = {json.loads(p.read_text(encoding="utf-8"))["lang"] for p in LANGUAGE_CASES.glob("*.json")}
    return tuple(sorted(lang for lang in langs if (LEXICONS / f"{lang}.tsv").exists()))


def _case_sentence(lang: str, rnd: random.Random) -> str:
    return rnd.choice(_case_pool(lang)["sentences"])


def _case_headline(lang: str, rnd: random.Random) -> str:
    """A teaser headline: a page title, or the start of a sentence without its full stop."""
    pool = _case_pool(lang)
    if rnd.random() < 0.3:
        return rnd.choice(pool["headlines"])
    sentence = rnd.choice(pool["sentences"]).rstrip(".。!！?？।۔؟ ")
    words = sentence.split()
    if len(words) >= 6 and len(sentence) / len(words) < 15:
        return " ".join(words[:rnd.randint(5, min(10, len(words)))]).rstrip(",،、，:;")
    # Scripts that write few or no spaces (Thai phrases, Chinese, Japanese): cut by characters.
    return sentence[:rnd.randint(12, 30)].rstrip(",،、，:; ")


# -- pages ---------------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class Page:
    lang: str
    lines: tuple[tuple[str, str], ...]  # (role, text), one per line of the text-mode page
    html: str

    @property
    def text(self) -> str:
        return "\n".join(text for _, text in self.lines)

    @property
    def body(self) -> tuple[str, ...]:
        return tuple(text for role, text in self.lines if role == "body")

    @property
    def chrome(self) -> tuple[tuple[str, str], ...]:
        """(kind, text) of every generated chrome line."""
        return tuple((role[7:], text) for role, text in self.lines if role.startswith("chrome:"))

    @property
    def all_lines(self) -> tuple[str, ...]:
        return tuple(text for _, text in self.lines if text)


class _Language:
    """What a page in one language is made of."""

    def __init__(self, lang: str):
        self.lang = lang
        self.lex = _lexicon_phrases(lang)
        self.words = EN if lang == "en" else VI if lang == "vi" else None

    def sentence(self, rnd):
        if self.lang == "en":
            return _en_sentence(rnd)
        if self.lang == "vi":
            return _vi_sentence(rnd)
        return _case_sentence(self.lang, rnd)

    def headline(self, rnd):
        if self.lang == "en":
            return _en_headline(rnd)
        if self.lang == "vi":
            return _vi_headline(rnd)
        return _case_headline(self.lang, rnd)

    def pick(self, kind: str, rnd: random.Random, lexicon_kind: str | None = None) -> str:
        """A hand-written chrome line of `kind` (English, Vietnamese), else a lexicon phrase."""
        if self.words is not None and (lexicon_kind is None or rnd.random() < 0.7):
            return rnd.choice(self.words[kind])
        phrases = self.lex.get(lexicon_kind or kind) or _lexicon_phrases("en")[lexicon_kind or kind]
        return rnd.choice(phrases)

    def byline(self, rnd):
        if self.lang == "en":
            return f"By {rnd.choice(EN['names'])}"
        if self.lang == "vi":
            return rnd.choice(VI["names"])
        bylines = _case_pool(self.lang)["bylines"]
        return rnd.choice(bylines) if bylines else None

    def date(self, rnd):
        if self.words is not None:
            return rnd.choice(self.words["dates"])
        return rnd.choice(["17/07/2025", "2025-07-17", "2025-07-17 10:30"])


def paragraph(lang: _Language, rnd: random.Random) -> str:
    sentences: list[str] = []
    for _ in range(40):  # tries, in case a language's pool is small
        if len(sentences) >= 2 and (len(" ".join(sentences)) >= 180 or rnd.random() < 0.2):
            break
        sentence = lang.sentence(rnd)
        if sentence not in sentences:
            sentences.append(sentence)
    joiner = "" if lang.lang in ("zh", "ja") else " "
    return joiner.join(sentences)


def chrome_block(kind: str, lang: _Language, rnd: random.Random) -> list[str]:
    """The lines of one chrome block of `kind`."""
    if kind == "related":
        heading = lang.pick("related_headings", rnd, "related")
        if rnd.random() < 0.2:  # an inline "Read more: <headline>" link
            return [f"{heading}: {lang.headline(rnd)}"]
        headlines = []
        while len(headlines) < rnd.randint(2, 5):
            headline = lang.headline(rnd)
            if headline not in headlines:
                headlines.append(headline)
        return [heading, *headlines]
    if kind == "caption":
        image = [rnd.choice((lang.words or EN)["image_files"])] if rnd.random() < 0.4 else []
        if lang.words is None:  # the lexicon's credit word, with an agency
            credit = f"({lang.pick('credits', rnd, 'credit')}: AP)"
            text = lang.headline(rnd)
        else:
            credit = rnd.choice(lang.words["credits"])
            text = rnd.choice(lang.words["captions"])
        return [*image, f"{text}. {credit}" if not credit.startswith("(") else f"{text} {credit}"]
    if kind == "comments":
        lines = [lang.pick("comment_prompts", rnd, "comments")]
        if lang.words is not None and rnd.random() < 0.5:  # readers' comments follow the prompt
            lines += rnd.sample(lang.words["user_comments"], rnd.randint(1, 2))
        return lines
    if kind == "share":
        return [lang.pick("share", rnd, "share") for _ in range(rnd.randint(1, 2))]
    if kind == "footer":
        return list(dict.fromkeys(lang.pick("footer", rnd, "footer") for _ in range(rnd.randint(1, 3))))
    raise ValueError(f"unknown chrome kind {kind!r}")


def page(rnd: random.Random, *, lang: str | None = None, kinds: tuple[str, ...] = CHROME_KINDS) -> Page:
    """A news page: title, byline, date, 3-7 paragraphs, and chrome blocks in random places.

    Related lists, captions and share lines go anywhere after the title: between any two
    paragraphs or after the last. Comment prompts and footers go after the last paragraph
    (in any order with the rest), because a page's comments and footer end it: by design,
    everything after a comments prompt is chrome.
    """
    language = _Language(lang or rnd.choice(("en", "vi", "en", "vi") + case_languages()))
    paragraphs: list[str] = []
    wanted = rnd.randint(3, 7)
    for _ in range(10 * wanted):
        if len(paragraphs) == wanted:
            break
        p = paragraph(language, rnd)
        if p not in paragraphs:
            paragraphs.append(p)
    # Slots: 0 = under the title block, i = after paragraph i, len(paragraphs) = after the body.
    blocks: dict[int, list[list[tuple[str, str]]]] = {}
    for kind in kinds:
        for _ in range(rnd.choice((0, 1, 1, 2))):
            lines = [l for l in chrome_block(kind, language, rnd) if l not in paragraphs]
            slot = len(paragraphs) if kind in ("comments", "footer") else rnd.randint(0, len(paragraphs))
            blocks.setdefault(slot, []).append([(f"chrome:{kind}", l) for l in lines])
    for slot_blocks in blocks.values():
        rnd.shuffle(slot_blocks)
    head = [("title", language.headline(rnd))]
    if (byline := language.byline(rnd)) and rnd.random() < 0.8:
        head.append(("byline", byline))
    if rnd.random() < 0.8:
        head.append(("date", language.date(rnd)))
    sequence: list[tuple[str, str]] = list(head)
    for block in blocks.get(0, []):
        sequence += block
    for i, p in enumerate(paragraphs, 1):
        sequence.append(("body", p))
        for block in blocks.get(i, []):
            sequence += block
    blank_separated = rnd.random() < 0.5
    lines: list[tuple[str, str]] = []
    for item in sequence:
        if blank_separated and lines:
            lines.append(("blank", ""))
        lines.append(item)
    return Page(language.lang, tuple(lines), _html(language.lang, sequence))


def with_lines(page: Page, inserts: dict[int, list[str]], role: str = "chrome:fresh") -> Page:
    """`page` with extra lines of `role`: `inserts[i]` goes after its i-th body paragraph (0: above
    the first one, under the title block), in text and HTML alike."""
    sequence: list[tuple[str, str]] = []
    seen = 0
    for item in (x for x in page.lines if x[0] != "blank"):
        if item[0] == "body" and seen == 0:
            sequence += [(role, t) for t in inserts.get(0, [])]
        sequence.append(item)
        if item[0] == "body":
            seen += 1
            sequence += [(role, t) for t in inserts.get(seen, [])]
    blank_separated = any(r == "blank" for r, _ in page.lines)
    lines: list[tuple[str, str]] = []
    for item in sequence:
        if blank_separated and lines:
            lines.append(("blank", ""))
        lines.append(item)
    return Page(page.lang, tuple(lines), _html(page.lang, sequence))


def _html(lang: str, sequence: list[tuple[str, str]]) -> str:
    """The same page as HTML: an article with its paragraphs, chrome in its usual elements."""
    e = html.escape
    out = [f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{e(sequence[0][1])}</title>'
           "</head><body><article>"]
    i = 0
    while i < len(sequence):
        role, text = sequence[i]
        j = i + 1
        while j < len(sequence) and sequence[j][0] == role and role.startswith("chrome:"):
            j += 1
        run = [t for _, t in sequence[i:j]]
        if role == "title":
            out.append(f"<h1>{e(text)}</h1>")
        elif role == "byline":
            out.append(f'<p class="byline">{e(text)}</p>')
        elif role == "date":
            out.append(f"<time>{e(text)}</time>")
        elif role == "body":
            out.append(f"<p>{e(text)}</p>")
        elif role == "chrome:related":
            items = "".join(f'<li><a href="/news/{k}">{e(t)}</a></li>' for k, t in enumerate(run[1:]))
            out.append(f'<aside class="related"><h3>{e(run[0])}</h3><ul>{items}</ul></aside>')
        elif role == "chrome:caption":
            out.append(f'<figure><img src="/img/{i}.jpg"><figcaption>{e(run[-1])}</figcaption></figure>')
        elif role in ("chrome:comments", "chrome:footer") and "</article>" not in out and "body" not in {
                r for r, _ in sequence[i:]}:  # the page's comments and footer come after the article
            out.append("</article>")
            continue
        elif role == "chrome:comments":
            rest = "".join(f"<p>{e(t)}</p>" for t in run[1:])
            out.append(f'<section class="comments"><h3>{e(run[0])}</h3>{rest}</section>')
        elif role == "chrome:share":
            out.append('<div class="share">' + "".join(f'<a href="#">{e(t)}</a>' for t in run) + "</div>")
        elif role == "chrome:footer":
            out.append("<footer>" + "".join(f"<p>{e(t)}</p>" for t in run) + "</footer>")
        elif role == "chrome:fresh":  # plain markup: no class or element names the chrome
            out.append("<div>" + "".join(f"<p>{e(t)}</p>" for t in run) + "</div>")
        i = j
    out.append("</body></html>" if "</article>" in out else "</article></body></html>")
    return "".join(out)


# Windows-1258 writes Vietnamese with its tone marks as combining characters after the letter.
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258_form(text: str) -> str:
    """Vietnamese as Windows-1258 spells it: base letters precomposed, tone marks combining."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in _TONES)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES)) + tones)
    return "".join(out)


def utf8_read_as_cp1252(text: str) -> str:
    """Mojibake: `text`'s UTF-8 bytes read as windows-1252 the way a browser does (the five
    bytes cp1252 leaves undefined become C1 controls instead of errors)."""
    return "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in text.encode("utf-8"))
