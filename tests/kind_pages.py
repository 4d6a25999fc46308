"""Small invented pages, one per kind, for the page-kind, confidence, engine and CLI tests.

Each is a list of lines (text mode); `as_html` wraps one in markup with what a site of that
kind would declare. Written for these tests: no page of any corpus.
"""
from __future__ import annotations

import html
import json

PROSE = [
    ("The city council voted on Tuesday to expand the bus network to the northern suburbs, a plan that officials "
     "say will take three years."),
    ("Residents of the northern districts have complained for years that they have to drive to work because buses "
     "come only once an hour."),
    ("The council will hold public meetings in every district before the first new routes open to passengers next "
     "spring."),
    ("Officials estimate that the expansion will cost about forty million dollars, most of it paid by the state and "
     "the rest by fares."),
    ("Opponents on the council said the money would be better spent on repairing roads and bridges in the older "
     "parts of the city."),
    ("The first new route, linking the northern train station with the hospital, is expected to open in May if the "
     "contracts are signed."),
    ("Bus drivers' unions welcomed the decision but asked the council to hire more staff before the routes open to "
     "the public."),
    ("The mayor said she hoped the new buses would persuade more families to leave their cars at home on weekdays "
     "and at weekends."),
]
ARTICLE = ["Home", "News", "Council votes to expand the bus network north", "By Jane Doe", "March 3, 2025", ""] + \
    PROSE + ["", "Related stories", "Trains to run later on weekends", "New bike lanes open downtown"]
TOPICS = ["bus routes", "bike lanes", "school meals", "park repairs", "library hours", "night trains", "road tolls",
          "city budget"]
LISTING = ["Home", "News", "Sport", "Latest news"] + [
    line for t in TOPICS for line in (f"Council weighs a new plan for the city's {t} this year",
                                      f"What the change to {t} means for you", "Read more")] + ["Next page"]
PRODUCT = ["Home", "Shop", "Trail Runner 2 shoes", "$129.99", "In stock", "Select size", "Quantity", "Add to cart",
           "Add to wishlist", "Lightweight trail shoes with a grippy sole.", "Product details", "Upper: mesh",
           "Sole: rubber", "Weight: 280 g", "Customer reviews", "4.5", "(212)", "Great shoes, very comfortable.",
           "You may also like", "Road Runner", "$99.99", "Trail Lite", "$79.99", "Free shipping"]
POSTS = [("busfan", "Does anyone know when the new routes will open? I have to drive every day."),
         ("citycommuter", "I heard May, but the contracts are not signed yet."),
         ("northsider", "Same here. The buses come once an hour, it's hopeless."),
         ("busfan", "Thanks, that helps.")]
FORUM = ["Forums", "Bus routes in the northern suburbs?"] + [
    line for n, (who, said) in enumerate(POSTS)
    for line in (who, "Joined: Mar 2021", f"Posts: {120 + n}", f"March {3 + n // 2}, 2025", said, "Reply", "Quote")]
STUB = ["Home", "Page not found", "Sorry, the page you are looking for does not exist.", "Back to the home page"]

# What each kind's site declares: (JSON-LD object, og:type, URL).
DECLARED = {
    "article": ({"@type": "NewsArticle", "headline": ARTICLE[2]}, "article", "https://news.example/2025/03/03/buses"),
    "listing": ({"@type": "CollectionPage", "name": "Latest news"}, "website", "https://news.example/category/city/"),
    "product": ({"@type": "Product", "name": "Trail Runner 2"}, "product", "https://shop.example/product/trail-runner-2"),
    "forum": ({"@type": "DiscussionForumPosting", "headline": FORUM[1]}, None,
              "https://forum.example/threads/bus-routes.123/"),
}
PAGES = {"article": ARTICLE, "listing": LISTING, "product": PRODUCT, "forum": FORUM}


def as_text(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"


def as_html(kind: str, *, declared: bool = True) -> str:
    """The kind's page as HTML: items of a listing are links, and the head declares the kind."""
    ld, og, _ = DECLARED[kind]
    head = "<title>Example</title>"
    if declared:
        head += f'<script type="application/ld+json">{json.dumps(ld)}</script>'
        if og:
            head += f'<meta property="og:type" content="{og}">'
    body = "".join(f'<p><a href="/item{i}">{html.escape(line)}</a></p>' if kind == "listing" else
                   f"<p>{html.escape(line)}</p>" for i, line in enumerate(PAGES[kind]) if line)
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"
