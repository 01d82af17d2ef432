"""schema.org ClaimReview JSON-LD: one fact check per claim that has a verdict, for fact-checking sites.

What Google Search Central's "Fact check (ClaimReview) structured data"
page asks for (https://developers.google.com/search/docs/appearance/structured-data/factcheck):
``claimReviewed``, ``reviewRating`` (a Rating with ``alternateName``) and
``url`` are required; the review's ``author`` and ``datePublished``, the
``itemReviewed`` Claim with its ``author`` and ``appearance``, and the
Rating's ``ratingValue``, ``bestRating``, ``worstRating`` and ``name`` are
recommended. Each is written when qari knows it:

- ``claimReviewed``: the claim's quote, as written (control characters out).
- ``reviewRating``: the status as ``alternateName``, its number on the
  ``[claimreview]`` scale of config.toml, and the scale in words as ``name``.
- ``url``: the ``review_url`` template with the article and the claim in it;
  without one there is no ``url`` and the export warns once.
- ``author``: the ``[claimreview]`` organisation (``author``, ``author_url``).
- ``datePublished``: the claim's last change.
- ``itemReviewed.author``: each source of the claim, a Person, or an
  Organization for the media, documents and institutions («وزارة الصحة»).
  Anonymous sources are left out: «مصادر مطلعة» is nobody a reader can look
  up, and a Person of that name would say the claim has a known author.
- ``itemReviewed.appearance``: the article as a NewsArticle: its
  ``headline``, ``url`` (http or https only: a file on this computer is no
  place on the web), ``datePublished`` (ISO 8601 dates only, not a
  dateline in words) and ``publisher`` (the outlet), from its header or,
  without one, from what its first lines suggest.

Only verdicts (``config.VERDICTS``: supported, disputed, false) are written;
unverified claims and opinions have no rating to publish. No Textual import.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import Any, TextIO
from urllib.parse import quote

from ..annotations.model import Source
from ..annotations.sources import names_an_organisation
from ..article.metadata import Metadata, parse_published
from ..config import VERDICTS, ClaimReviewSettings, Config
from ..corpus import Annotated
from .rows import Row, claim_rows

__all__ = ["CLAIMREVIEW_CONTEXT", "ClaimReviewWriter", "claim_review"]

CLAIMREVIEW_CONTEXT = "https://schema.org"
#: Source types that are never a person.
_ORGANISATION_TYPES = ("media", "document")
#: Control characters: the line breaks and tabs become spaces, the rest go.
_CONTROLS = {
    **dict.fromkeys((*range(0x20), *range(0x7F, 0xA0)), None),
    **dict.fromkeys((0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029), " "),
}


def _text(value: str) -> str:
    """``value`` as written, without control characters (a quote over two paragraphs has a space between)."""
    return value.translate(_CONTROLS).strip()


def _web(url: str | None) -> str | None:
    return url.strip() if url and url.strip().startswith(("https://", "http://")) else None


def _claimant(source: Source) -> dict[str, Any] | None:
    """The source as a schema.org Person or Organization; None for an anonymous one."""
    if source.type == "anonymous" or not _text(source.name):
        return None
    if source.type in _ORGANISATION_TYPES or names_an_organisation(source.name):
        return {"@type": "Organization", "name": _text(source.name)}
    person: dict[str, Any] = {"@type": "Person", "name": _text(source.name)}
    if _text(source.role):
        person["jobTitle"] = _text(source.role)
    return person


def _appearance(metadata: Metadata) -> dict[str, Any] | None:
    """The article as a NewsArticle with what is known of it; None when nothing is."""
    article: dict[str, Any] = {}
    if metadata.title and _text(metadata.title):
        article["headline"] = _text(metadata.title)
    if url := _web(metadata.url):
        article["url"] = _text(url)
    if metadata.date and parse_published(metadata.date) is not None:
        article["datePublished"] = metadata.date.strip()
    if metadata.outlet and _text(metadata.outlet):
        article["publisher"] = {"@type": "Organization", "name": _text(metadata.outlet)}
    return {"@type": "NewsArticle", **article} if article else None


def _scale(settings: ClaimReviewSettings) -> str:
    """The rating scheme in words, as Google asks fact-checkers to document it: "false 1, … (1 to 5)"."""
    ratings = ", ".join(f"{status} {rating}" for status, rating in settings.ratings)
    return f"{ratings} (worst {settings.worst_rating}, best {settings.best_rating})"


def _review_url(template: str, row: Row) -> str:
    """The template with the article's file name (without suffix) and the claim's id, both URL-quoted."""
    article = PurePosixPath(row.article).name.split(".", 1)[0] or row.article
    return template.format(article=quote(article, safe=""), claim=quote(row.claim.id, safe=""))


def claim_review(row: Row, metadata: Metadata, settings: ClaimReviewSettings) -> dict[str, Any] | None:
    """The claim as a ClaimReview; None when its status is no verdict."""
    claim = row.claim
    rating = settings.rating(claim.status)
    if claim.status not in VERDICTS or rating is None:
        return None
    review: dict[str, Any] = {"@context": CLAIMREVIEW_CONTEXT, "@type": "ClaimReview"}
    if settings.review_url:
        review["url"] = _review_url(settings.review_url, row)
    review["claimReviewed"] = _text(claim.anchor.exact)
    review["datePublished"] = claim.updated
    if settings.author:
        author: dict[str, Any] = {"@type": "Organization", "name": settings.author}
        if settings.author_url:
            author["url"] = settings.author_url
        review["author"] = author
    review["reviewRating"] = {
        "@type": "Rating",
        "ratingValue": rating,
        "bestRating": settings.best_rating,
        "worstRating": settings.worst_rating,
        "alternateName": claim.status,
        "name": _scale(settings),
    }
    item: dict[str, Any] = {"@type": "Claim"}
    claimants = [person for source in row.sources if (person := _claimant(source)) is not None]
    if claimants:
        item["author"] = claimants[0] if len(claimants) == 1 else claimants
    if (appearance := _appearance(metadata)) is not None:
        item["appearance"] = appearance
    review["itemReviewed"] = item
    return review


class ClaimReviewWriter:
    """A JSON array of ClaimReviews, each a complete JSON-LD document with its own ``@context``.

    Why an array of whole documents and not one ``@graph``: Google takes one
    ClaimReview a page for its fact-check result, so each review is meant to
    be pasted on its own page, in its own ``<script type="application/ld+json">``;
    an element of the array is that script's content as is, and the array
    as a whole is still JSON-LD that Google's Rich Results Test and any JSON
    library read. A ``@graph`` would share one context that each review
    would have to be given again when taken out.
    """

    def __init__(self, out: TextIO, config: Config, warn: Callable[[str], None]) -> None:
        self._out = out
        self._settings = config.claimreview
        self._warn = warn
        self._first = True
        self._claims = 0

    def begin(self) -> None:
        self._out.write("[")

    def write_article(self, item: Annotated) -> int:
        metadata = item.article.metadata
        count = 0
        for row in claim_rows(item):
            self._claims += 1
            review = claim_review(row, metadata, self._settings)
            if review is None:
                continue
            self._out.write("\n" if self._first else ",\n")
            self._first = False
            self._out.write(json.dumps(review, ensure_ascii=False))
            count += 1
        return count

    def end(self) -> None:
        self._out.write("]\n" if self._first else "\n]\n")
        if self._first:
            found = f"none of the {self._claims} claims has" if self._claims else "no claims, so none has"
            self._warn(f"qari: {found} a verdict ({', '.join(VERDICTS)}): wrote an empty ClaimReview array")
        elif not self._settings.review_url:
            self._warn(
                "qari: no review_url in the [claimreview] table of config.toml: the ClaimReviews have no url, "
                "which Google requires"
            )
