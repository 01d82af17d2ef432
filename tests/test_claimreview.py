"""ClaimReview export: schema.org fact checks of the claims with a verdict, as Google reads them.

The writer (a named person, a ministry, an anonymous source, an article
without URL or date, the review URL template), the command line, the
``[claimreview]`` settings of config.toml and the export from the reader.
"""

from __future__ import annotations

import asyncio
import io
import json
import os
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import store_open

import reader.cli as cli
from reader.annotations.model import Anchor, Claim, Source
from reader.annotations.store import AnnotationStore
from reader.article import load_article
from reader.config import ClaimReviewSettings, Config, config_path, load_claimreview, load_config, save_config
from reader.corpus import annotated_articles
from reader.export import export_claims
from reader.export.registry import FORMATS
from reader.ui.app import QariApp

HEADER = (
    "---\n"
    "title: الحكومة تعد بخفض الأسعار\n"
    "outlet: صحيفة الغد\n"
    "published: 2025-01-08\n"
    "url: https://alghad.example/prices\n"
    "---\n"
)
TEXT = (
    "قالت سلمى حداد إن الأسعار ستنخفض الشهر المقبل.\n"
    "وأعلنت وزارة المالية أن العجز انتهى تماما.\n"
    "وكشفت مصادر مطلعة أن الحكومة تدرس خطة للدعم.\n"
    "ويرى كثيرون أن الخطة جيدة.\n"
)
PERSON = ("سلمى حداد", "expert", "أستاذة الاقتصاد")
MINISTRY = ("وزارة المالية", "official", "")
INSIDERS = ("مصادر مطلعة", "anonymous", "")
CLAIMS: list[tuple[str, tuple[str, str, str], str]] = [
    ("الأسعار ستنخفض الشهر المقبل", PERSON, "supported"),
    ("العجز انتهى تماما", MINISTRY, "false"),
    ("الحكومة تدرس خطة للدعم", INSIDERS, "disputed"),
    ("الخطة جيدة", INSIDERS, "opinion"),
]
SETTINGS = ClaimReviewSettings(
    author="مرصد الحقيقة",
    author_url="https://factcheck.example",
    review_url="https://factcheck.example/{article}/{claim}",
)


def annotated(folder: Path, claims: list[tuple[str, tuple[str, str, str], str]] = CLAIMS, header: str = HEADER) -> Path:
    """An article ``prices.txt`` in ``folder`` with ``claims`` (quote, (source name, type, role), status)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "prices.txt"
    path.write_text(header + TEXT, encoding="utf-8")
    text = load_article(path).text
    with AnnotationStore.open(path, text) as store:
        for quote, (name, kind, role), status in claims:
            source = store.find_source(name) or Source(name, kind, role)
            if store.source(source.id) is None:
                store.add_source(source)
            start = text.index(quote)
            store.add_claim(Claim(Anchor.from_text(text, start, start + len(quote)), (source.id,), status=status))
    return path


def exported(path: Path, settings: ClaimReviewSettings = SETTINGS) -> tuple[str, list[str]]:
    """The ClaimReview export of ``path`` as written, and its warnings."""
    out, warnings = io.StringIO(), []
    export_claims(
        annotated_articles([path]), out, "claimreview", warn=warnings.append, config=Config(claimreview=settings)
    )
    return out.getvalue(), warnings


def reviews(path: Path, settings: ClaimReviewSettings = SETTINGS) -> dict[str, dict[str, Any]]:
    """The ClaimReviews of ``path`` by the quote they review."""
    return {review["claimReviewed"]: review for review in json.loads(exported(path, settings)[0])}


def is_datetime(value: object) -> bool:
    return isinstance(value, str) and datetime.fromisoformat(value.replace("Z", "+00:00")) is not None


# --------------------------------------------------------------------------
# Google's properties


#: Google Search Central, "Fact check (ClaimReview) structured data", section "Structured data type
#: definitions" (https://developers.google.com/search/docs/appearance/structured-data/factcheck), as
#: tabulated in Full Fact's notes (https://fullfact.github.io/markup-investigation/docs/notes/01-basic-usage/).
REQUIRED = {
    "ClaimReview": {"claimReviewed": str, "reviewRating": "Rating", "url": "URL"},
    "Rating": {"alternateName": str},
}
RECOMMENDED = {
    "ClaimReview": {"author": "Organization", "datePublished": "DateTime", "itemReviewed": "Claim"},
    "Claim": {"appearance": "CreativeWork", "author": "Organization or Person"},
    "Rating": {"bestRating": int, "ratingValue": int, "worstRating": int, "name": str},
}
CREATIVE_WORKS = {"CreativeWork", "NewsArticle", "Article"}


def of_type(value: object, wanted: object) -> bool:
    if isinstance(wanted, type):
        return isinstance(value, wanted) and not isinstance(value, bool) and value != ""
    if wanted == "URL":
        return isinstance(value, str) and re.fullmatch(r"https?://[^\s]+", value) is not None
    if wanted == "DateTime":
        return is_datetime(value)
    if wanted == "CreativeWork":
        return isinstance(value, dict) and value.get("@type") in CREATIVE_WORKS
    if wanted == "Organization or Person":
        values = value if isinstance(value, list) else [value]
        return all(isinstance(v, dict) and v.get("@type") in ("Organization", "Person") and v["name"] for v in values)
    return isinstance(value, dict) and value.get("@type") == wanted


def test_every_property_google_requires_is_there_and_of_its_type_and_the_recommended_ones_with_data(
    tmp_path: Path,
) -> None:
    """Google Search Central, "Fact check (ClaimReview) structured data": REQUIRED claimReviewed (Text),
    reviewRating (Rating, with alternateName), url (URL); RECOMMENDED author, datePublished, itemReviewed
    (Claim: appearance, author), and the Rating's ratingValue, bestRating, worstRating, name. Claim's
    datePublished and firstAppearance are recommended too, but qari does not know them (an article
    reports a claim; it need not be where or when it was first made)."""
    found = reviews(annotated(tmp_path))
    named = found["الأسعار ستنخفض الشهر المقبل"]
    objects = {"ClaimReview": named, "Rating": named["reviewRating"], "Claim": named["itemReviewed"]}
    for kind, properties in REQUIRED.items():
        for name, wanted in properties.items():
            assert of_type(objects[kind].get(name), wanted), (kind, name, objects[kind].get(name))
    for kind, properties in RECOMMENDED.items():
        for name, wanted in properties.items():
            assert of_type(objects[kind].get(name), wanted), (kind, name, objects[kind].get(name))


def test_the_output_is_json_ld_with_arabic_as_written_and_no_control_characters(tmp_path: Path) -> None:
    raw, _ = exported(annotated(tmp_path))
    found = json.loads(raw)
    assert isinstance(found, list) and len(found) == 3
    assert all(review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview" for review in found)
    assert "الأسعار ستنخفض الشهر المقبل" in raw and "\\u06" not in raw  # not escaped
    assert not any(ord(ch) < 0x20 and ch != "\n" for ch in raw)


# --------------------------------------------------------------------------
# The writer


def test_a_supported_claim_by_a_named_person(tmp_path: Path) -> None:
    review = reviews(annotated(tmp_path))["الأسعار ستنخفض الشهر المقبل"]
    assert review["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 5,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "supported",
        "name": "false 1, disputed 3, supported 5 (worst 1, best 5)",
    }
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "سلمى حداد", "jobTitle": "أستاذة الاقتصاد"}
    assert review["author"] == {"@type": "Organization", "name": "مرصد الحقيقة", "url": "https://factcheck.example"}
    assert review["itemReviewed"]["appearance"] == {
        "@type": "NewsArticle",
        "headline": "الحكومة تعد بخفض الأسعار",
        "url": "https://alghad.example/prices",
        "datePublished": "2025-01-08",
        "publisher": {"@type": "Organization", "name": "صحيفة الغد"},
    }


def test_a_false_claim_by_a_ministry_is_rated_worst_and_made_by_an_organization(tmp_path: Path) -> None:
    review = reviews(annotated(tmp_path))["العجز انتهى تماما"]
    assert review["reviewRating"]["ratingValue"] == 1 and review["reviewRating"]["alternateName"] == "false"
    assert review["itemReviewed"]["author"] == {"@type": "Organization", "name": "وزارة المالية"}


def test_a_spokesman_for_a_ministry_is_a_person(tmp_path: Path) -> None:
    spokesman = ("المتحدث باسم وزارة المالية", "official", "")
    review = reviews(annotated(tmp_path, [("العجز انتهى تماما", spokesman, "false")]))["العجز انتهى تماما"]
    assert review["itemReviewed"]["author"]["@type"] == "Person"


def test_an_anonymous_source_is_no_author_but_the_claim_is_reviewed(tmp_path: Path) -> None:
    review = reviews(annotated(tmp_path))["الحكومة تدرس خطة للدعم"]
    assert review["reviewRating"]["ratingValue"] == 3
    assert "author" not in review["itemReviewed"]
    assert review["itemReviewed"]["appearance"]["url"] == "https://alghad.example/prices"


def test_claims_without_a_verdict_are_left_out(tmp_path: Path) -> None:
    claims = [*CLAIMS, ("قالت سلمى حداد", PERSON, "unverified")]
    found = reviews(annotated(tmp_path, claims))
    assert set(found) == {"الأسعار ستنخفض الشهر المقبل", "العجز انتهى تماما", "الحكومة تدرس خطة للدعم"}


def test_an_article_without_url_or_iso_date_has_an_appearance_without_them(tmp_path: Path) -> None:
    dateline = "٨ يناير ٢٠٢٥\nصحيفة الغد\n\n"
    review = reviews(annotated(tmp_path, CLAIMS[:1], header=dateline))["الأسعار ستنخفض الشهر المقبل"]
    appearance = review["itemReviewed"]["appearance"]
    assert "url" not in appearance and "datePublished" not in appearance
    assert appearance["publisher"]["name"] == "صحيفة الغد"  # the guess from the first lines


def test_the_review_url_template_gets_the_article_and_the_claim(tmp_path: Path) -> None:
    path = annotated(tmp_path, CLAIMS[:1])
    with AnnotationStore.open(path, load_article(path).text) as store:
        claim_id = store.claims()[0].id
    review = reviews(path)["الأسعار ستنخفض الشهر المقبل"]
    assert review["url"] == f"https://factcheck.example/prices/{claim_id}"
    assert review["datePublished"] == store.claims()[0].updated


def test_without_a_review_url_there_is_no_url_and_one_warning(tmp_path: Path) -> None:
    raw, warnings = exported(annotated(tmp_path, CLAIMS[:1]), ClaimReviewSettings())
    (review,) = json.loads(raw)
    assert "url" not in review and "author" not in review
    assert len(warnings) == 1 and "review_url" in warnings[0]


def test_a_claim_over_two_paragraphs_and_a_source_with_controls_give_plain_text(tmp_path: Path) -> None:
    quote = "المقبل.\nوأعلنت"
    review = next(iter(reviews(annotated(tmp_path, [(quote, ("سلمى\x1b[2J حداد", "expert", ""), "false")])).values()))
    assert review["claimReviewed"] == "المقبل. وأعلنت"
    assert review["itemReviewed"]["author"]["name"] == "سلمى[2J حداد"


def test_the_scale_comes_from_the_settings(tmp_path: Path) -> None:
    scale = ClaimReviewSettings(
        worst_rating=0, best_rating=10, ratings=(("false", 0), ("disputed", 4), ("supported", 10))
    )
    review = reviews(annotated(tmp_path), scale)["الحكومة تدرس خطة للدعم"]
    assert (review["reviewRating"]["ratingValue"], review["reviewRating"]["bestRating"]) == (4, 10)
    assert review["reviewRating"]["worstRating"] == 0


# --------------------------------------------------------------------------
# The command line


def run_main(capsys: pytest.CaptureFixture[str], *argv: str | os.PathLike[str]) -> tuple[int, str, str]:
    try:
        code = cli.main([os.fspath(a) for a in argv])
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def write_config(text: str) -> None:
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text(text, encoding="utf-8")


def test_qari_export_claimreview_reads_the_config_and_exits_0(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write_config(
        'theme = 3\n[claimreview]\nauthor = "مرصد الحقيقة"\nreview_url = "https://factcheck.example/{article}/{claim}"\n'
        "false = 2\n"
    )
    code, out, err = run_main(capsys, "export", "--format", "claimreview", annotated(tmp_path))
    assert (code, err) == (0, "")  # the bad theme is no business of an export
    found = {review["claimReviewed"]: review for review in json.loads(out)}
    assert found["العجز انتهى تماما"]["reviewRating"]["ratingValue"] == 2
    assert found["العجز انتهى تماما"]["author"]["name"] == "مرصد الحقيقة"


def test_qari_export_claimreview_to_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write_config('[claimreview]\nreview_url = "https://factcheck.example/{claim}"\n')
    out = tmp_path / "reviews.json"
    assert run_main(capsys, "export", "--format", "claimreview", annotated(tmp_path / "a"), "-o", out)[0] == 0
    assert len(json.loads(out.read_text("utf-8"))) == 3


def test_a_bad_claimreview_setting_is_one_warning_and_the_default(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write_config('[claimreview]\nreview_url = "https://factcheck.example/{claim}"\nsupported = "yes"\n')
    code, out, err = run_main(capsys, "export", "--format", "claimreview", annotated(tmp_path))
    assert code == 1 and err.count("\n") == 1 and "supported" in err and "using 5" in err
    assert {review["reviewRating"]["ratingValue"] for review in json.loads(out)} == {1, 3, 5}


def test_no_verdict_gives_an_empty_array_one_line_and_exit_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = annotated(tmp_path, [("الخطة جيدة", INSIDERS, "opinion"), ("قالت سلمى حداد", PERSON, "unverified")])
    code, out, err = run_main(capsys, "export", "--format", "claimreview", path)
    assert code == 1 and json.loads(out) == []
    assert err.count("\n") == 1 and err.startswith("qari: ") and "none of the 2 claims has a verdict" in err


def test_the_export_help_names_the_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_main(capsys, "export", "--help")
    assert code == 0 and "claimreview: a JSON array of schema.org ClaimReviews" in " ".join(out.split())
    assert FORMATS["claimreview"].suffix == ".claimreview.json"


# --------------------------------------------------------------------------
# config.toml


def test_the_claimreview_table_is_read() -> None:
    write_config(
        '[claimreview]\nauthor = "مرصد"\nauthor_url = "https://factcheck.example"\n'
        'review_url = "https://factcheck.example/{article}#{claim}"\nworst_rating = 0\nbest_rating = 10\n'
        "false = 0\ndisputed = 5\nsupported = 10\n"
    )
    config, warnings = load_config()
    assert warnings == []
    assert config.claimreview == ClaimReviewSettings(
        "مرصد", "https://factcheck.example", "https://factcheck.example/{article}#{claim}", 0, 10,
        (("false", 0), ("disputed", 5), ("supported", 10)),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("line", "word"),
    [
        ('author_url = "factcheck.example"', "author_url"),
        ('review_url = "https://factcheck.example/{article}/{id}"', "review_url"),
        ('review_url = "https://factcheck.example/{"', "review_url"),
        ("author = 3", "author"),
        ("false = 9", "false"),
        ("false = true", "false"),
        ("best_rating = 0", "best_rating"),
        ("opinion = 2", "not a verdict"),
        ("colour = 2", "unknown"),
    ],
)
def test_a_bad_claimreview_value_is_one_warning_and_its_default(line: str, word: str) -> None:
    author = "" if line.startswith("author =") else 'author = "مرصد"\n'
    write_config(f'theme = "qari-light"\n[claimreview]\n{author}{line}\n')
    config, warnings = load_config()
    assert len(warnings) == 1 and word in warnings[0] and "\n" not in warnings[0]
    expected = ClaimReviewSettings() if line.startswith("author =") else ClaimReviewSettings(author="مرصد")
    assert config.claimreview == expected and config.theme == "qari-light"


def test_claimreview_that_is_not_a_table_is_one_warning() -> None:
    write_config("claimreview = 5\n")
    config, warnings = load_config()
    assert config == Config() and len(warnings) == 1 and "claimreview" in warnings[0]


def test_load_claimreview_warns_of_its_table_only() -> None:
    write_config('theme = 3\n[claimreview]\nfalse = "no"\n')
    settings, warnings = load_claimreview()
    assert settings == ClaimReviewSettings() and len(warnings) == 1 and "false" in warnings[0]


def test_saving_the_config_keeps_the_users_claimreview_table() -> None:
    write_config('# mine\n[claimreview]\nauthor = "مرصد"  # us\n')
    config, _ = load_config()
    save_config(Config(theme="qari-light", claimreview=config.claimreview))
    text = config_path().read_text("utf-8")
    assert 'author = "مرصد"  # us' in text and "worst_rating" not in text
    assert load_config()[0].claimreview == ClaimReviewSettings(author="مرصد")


# --------------------------------------------------------------------------
# The reader


def test_the_palette_offers_claimreview_and_it_writes_beside_the_article(tmp_path: Path) -> None:
    path = annotated(tmp_path)
    config = Config(claimreview=SETTINGS)

    async def body() -> None:
        app = QariApp(article=load_article(path), config=config)
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await store_open(pilot)
            titles = [command.title for command in app.get_system_commands(screen)]
            assert "Export: ClaimReview" in titles
            command = next(c for c in app.get_system_commands(screen) if c.title == "Export: ClaimReview")
            command.callback()
            await pilot.pause()
            assert any("3 claims exported" in n.message for n in app._notifications)

    asyncio.run(body())
    found = json.loads((tmp_path / "prices.txt.claimreview.json").read_text("utf-8"))
    assert len(found) == 3 and all(review["author"]["name"] == "مرصد الحقيقة" for review in found)
