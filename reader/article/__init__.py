"""Articles: files and saved web pages → the text every qari offset points into, and its metadata.

| module | job |
|---|---|
| ``decoding`` | bytes → text: encodings, refusing binary files |
| ``header`` | the front-matter header: read and written |
| ``metadata`` | ``Metadata`` (title, outlet, author, date, URL) and date ordering |
| ``scraped`` | guesses from a scraped text's first lines; related-news blocks |
| ``model`` | ``Article`` and its paragraphs |
| ``files`` | reading one article file, finding a folder's articles |
| ``streamed`` | a big file for the reader: its head decoded at once, the rest on first use |
| ``web`` | saved pages through trafilatura |
| ``fetch`` | http(s) URLs: one bounded download |
| ``importer`` | ``qari import``: a page or URL → a text article with a header |

No Textual or Rich import: the CLI and tests stay light.
"""

from __future__ import annotations

from .decoding import decode
from .files import PAGE_SUFFIXES, article_from_bytes, find_articles, is_article_file, is_page, load_article
from .metadata import ArticleError, Metadata
from .model import Article, Paragraph, Paragraphs, normalise_newlines

__all__ = [
    "PAGE_SUFFIXES",
    "Article",
    "ArticleError",
    "Metadata",
    "Paragraph",
    "Paragraphs",
    "article_from_bytes",
    "decode",
    "find_articles",
    "is_article_file",
    "is_page",
    "load_article",
    "normalise_newlines",
]
