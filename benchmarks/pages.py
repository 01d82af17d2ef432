"""Saved pages: extracting the story of a 1 MB page, beside lxml only parsing it.

The page is the project's Arabic test page (menus, ticker, related stories,
comments, JSON-LD) with its story replaced by about 600 KB of generated news
paragraphs and a 300 KB inline script, the weight of a real page saved with
everything in it. lxml's parse is the floor any extractor pays.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "tests" / "data" / "pages" / "arabic-utf8.html"


def one_megabyte_page(story: str) -> bytes:
    """The test page grown to about 1 MB with ``story``'s paragraphs and a large script."""
    html = TEMPLATE.read_text(encoding="utf-8")
    paragraphs = "".join(f"<p>{paragraph}</p>\n" for paragraph in story.split("\n\n") if paragraph.strip())
    html = re.sub(
        r"<article.*?</article>",
        lambda _: f"<article><h1>عنوان</h1>{paragraphs}</article>",
        html,
        count=1,
        flags=re.DOTALL,
    )
    script = "<script>var strings = " + repr(["خبر عاجل " * 20] * 900) + ";</script>"
    return html.replace("</body>", script + "</body>").encode("utf-8")


def measure(story: str, runs: int) -> tuple[float, float, int]:
    """(extract seconds, lxml parse seconds, page bytes), each the best of ``runs``."""
    import lxml.html

    from reader.article.web import extract_page

    from .common import best_of

    page = one_megabyte_page(story)
    extract = best_of(runs, lambda: extract_page(page))
    parse = best_of(runs, lambda: lxml.html.fromstring(page))
    return extract, parse, len(page)
