"""``qari import`` and ``qari info``: web pages in, and what qari knows of an article."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import EXIT_BAD_INPUT, OneLineParser, fail

__all__ = ["add_page_parsers", "cmd_import", "cmd_info"]


def add_page_parsers(sub: argparse._SubParsersAction[OneLineParser]) -> None:
    imp = sub.add_parser(
        "import",
        help="a saved web page or an http(s) URL → a text article with its metadata",
        description="Extract the story of saved web pages (.html, .htm) or http(s) URLs and write each as "
        "<slug>.txt with a header (title, outlet, author, published, url), printing its path.",
        epilog="exit status: 0 all written; 2 a source failed (one line each on stderr; the others are still written)",
    )
    imp.add_argument("sources", metavar="SOURCE", nargs="+", help="a saved page file or an http(s) URL")
    imp.add_argument("-o", "--output", metavar="DIR", help="folder to write into (default: the current one)")
    imp.add_argument("--force", action="store_true", help="replace an article file that exists")
    info = sub.add_parser("info", help="an article's metadata, language, paragraphs, words and claims")
    info.add_argument("path", metavar="PATH", help="article file or saved page")
    info.add_argument("--json", action="store_true", help="one JSON object, for scripts")


def cmd_import(args: argparse.Namespace) -> int:
    from ..article import ArticleError
    from ..article.importer import import_source, output_folder

    try:
        folder = output_folder(args.output)
    except ArticleError as err:
        fail(str(err))
    taken: set[Path] = set()
    failed = 0
    for source in args.sources:
        try:
            done = import_source(source, folder, force=args.force, taken=taken)
        except ArticleError as err:
            print(str(err), file=sys.stderr, flush=True)
            failed += 1
            continue
        print(done.path, flush=True)
    return EXIT_BAD_INPUT if failed else 0


def article_info(path: Path) -> dict[str, object]:
    """What ``qari info`` tells of one article, as JSON-ready values (raises ArticleError)."""
    from ..annotations.reading import count_claims
    from ..article import load_article
    from ..text.language import guess_language

    article = load_article(path)
    meta = article.metadata
    paragraphs = sum(1 for line in article.text.split("\n") if line.strip())
    return {
        "path": str(path),
        "title": meta.title,
        "outlet": meta.outlet,
        "author": meta.author,
        "published": meta.published,
        "url": meta.url,
        "metadata": meta.origin,
        "extra": dict(meta.extra),
        "language": guess_language(article.text),
        "paragraphs": paragraphs,
        "words": len(article.text.split()),
        "characters": len(article.text),
        "claims": count_claims(path) or 0,
        "encoding": article.encoding,
    }


_ORIGINS = {"header": "the article's header", "page": "the saved page", "guess": "guessed from the first lines"}


def cmd_info(args: argparse.Namespace) -> int:
    from ..article import ArticleError
    from ..text.language import LANGUAGE_NAMES
    from ..text.sanitise import visible
    from . import terminal_visual

    try:
        info = article_info(Path(args.path))
    except ArticleError as err:
        fail(str(err))
    if args.json:
        sys.stdout.write(json.dumps(info, ensure_ascii=False) + "\n")
        return 0
    shown = terminal_visual()
    rows: list[tuple[str, object]] = [
        ("title", info["title"]),
        ("outlet", info["outlet"]),
        ("author", info["author"]),
        ("published", info["published"]),
        ("url", info["url"]),
        ("metadata", _ORIGINS[str(info["metadata"])]),
        ("language", f"{info['language']} ({LANGUAGE_NAMES.get(str(info['language']), '?')})"),
        ("paragraphs", info["paragraphs"]),
        ("words", info["words"]),
        ("claims", info["claims"]),
        ("encoding", info["encoding"]),
        *((f"{key}", value) for key, value in dict(info["extra"]).items()),  # type: ignore[call-overload]
    ]
    for label, value in rows:
        text = "—" if value in (None, "") else str(value)
        sys.stdout.write(f"{label:<11}{shown(visible(text))}\n")
    sys.stdout.flush()
    return 0
