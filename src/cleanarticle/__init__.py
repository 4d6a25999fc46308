"""cleanarticle: turn a scraped news page (plain text or HTML) into a clean article.

    >>> from cleanarticle import clean
    >>> article = clean(open("page.txt", encoding="utf-8").read())
    >>> article.title, article.date, article.body

Every input line comes back in `article.blocks` with its label and the reason for it.
"""

from .model import Article, Block
from .options import CleanOptions
from .pipeline import clean
from .thresholds import Thresholds

__all__ = ["Article", "Block", "CleanOptions", "Thresholds", "__version__", "clean"]
__version__ = "0.1.0"
