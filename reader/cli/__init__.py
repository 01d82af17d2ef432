"""The ``qari`` command: the reader, and sub-commands for scripts.

Every failure a user can cause ends with one line on stderr and exit status
2; nothing here prints a traceback for bad input.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from .. import __version__
from ..resources import bundled
from ..text.sanitise import visible

EXIT_BAD_INPUT = 2
SAMPLES = bundled("sample_articles")
SUBCOMMANDS = ("render", "doctor", "suggest", "export", "stats", "import", "info")
EXIT_WARNINGS = 1  # export / stats: done, but something was skipped or left out (said on stderr)
#: Frames a second Textual may draw, unless the environment sets TEXTUAL_FPS. Textual draws on a timer
#: (60 a second by default), so a key's frame waits for the next tick; an idle reader draws nothing either way.
FRAMES_PER_SECOND = 120


class UsageError(Exception):
    """A mistake on the command line, reported as one line."""


class OneLineParser(argparse.ArgumentParser):
    """argparse that reports mistakes as one line instead of usage plus error."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _width(value: str) -> int:
    try:
        width = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--width takes a number of columns, not {value!r}") from None
    if not 10 <= width <= 10_000:
        raise argparse.ArgumentTypeError(f"--width must be between 10 and 10000, not {width}")
    return width


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(prog="qari", description="Read and annotate right-to-left news articles in the terminal.")
    parser.add_argument("--version", action="version", version=f"qari {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)
    render = sub.add_parser("render", help="print an article as the reader draws it")
    render.add_argument("path", metavar="PATH", help="article file")
    render.add_argument(
        "--width", type=_width, default=None, help="columns (default: the terminal's width, or 80 when not a terminal)"
    )
    render.add_argument(
        "--bidi",
        choices=("app", "terminal"),
        default="app",
        help="app: qari shapes and orders the text (default); terminal: logical order for terminals that do bidi",
    )
    render.add_argument(
        "--json", action="store_true", help="one JSON object per visual line: paragraph, start, end, direction, text"
    )
    render.add_argument("--no-harakat", action="store_true", help="hide Arabic vowel marks")
    suggest = sub.add_parser("suggest", help="attribution suggestions: who the article says claims what")
    suggest.add_argument("path", metavar="PATH", help="article file")
    suggest.add_argument(
        "--json",
        action="store_true",
        help="one JSON object per suggestion: verb, source, role, named, source_type, "
        "source_start, source_end, claim_start, claim_end, claim",
    )
    from .corpus_commands import add_export_parsers

    add_export_parsers(sub)
    from .pages import add_page_parsers

    add_page_parsers(sub)
    return parser


def default_frame_rate() -> None:
    """Ask Textual for ``FRAMES_PER_SECOND`` unless the user set TEXTUAL_FPS.

    Call it before Textual is first imported: Textual reads TEXTUAL_FPS once, then.
    """
    os.environ.setdefault("TEXTUAL_FPS", str(FRAMES_PER_SECOND))


def fail(message: str) -> NoReturn:
    """Print one line to stderr and exit with status 2."""
    print(message if message.startswith("qari") else f"qari: {message}", file=sys.stderr)
    raise SystemExit(EXIT_BAD_INPUT)


def cmd_render(args: argparse.Namespace) -> int:
    from ..article import ArticleError, load_article
    from ..text.layout import ArticleLayout, LayoutOptions

    try:
        article = load_article(args.path)
    except ArticleError as err:
        fail(str(err))
    width = args.width
    if width is None:
        width = shutil.get_terminal_size((80, 24)).columns if sys.stdout.isatty() else 80
        width = max(width, 10)
    options = LayoutOptions(width=width, bidi=args.bidi, harakat=not args.no_harakat)
    layout = ArticleLayout(article.paragraphs, article.text, options, cache_size=1)
    out = sys.stdout
    write = out.write
    pad = args.bidi == "app"
    for line in layout.lines():
        if args.json:
            write(
                json.dumps(
                    {
                        "paragraph": line.paragraph,
                        "start": line.start,
                        "end": line.end,
                        "direction": line.direction,
                        "text": line.text,
                    },
                    ensure_ascii=False,
                )
            )
        elif pad and line.rtl and line.text:
            write(" " * (width - line.cell_length) + line.text)
        else:
            write(line.text)
        write("\n")
    out.flush()
    return 0


_C1_AND_DEL_RE = re.compile("[\x7f-\x9f]")


def _excerpt(claim: str, limit: int = 60) -> str:
    flat = " ".join(claim.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def cmd_suggest(args: argparse.Namespace) -> int:
    """One attribution suggestion per line; ``--json``: one object per line with offsets into the text."""
    from ..article import ArticleError, load_article
    from ..attribution import suggest

    try:
        article = load_article(args.path)
    except ArticleError as err:
        fail(str(err))
    write = sys.stdout.write
    shown = str if args.json else terminal_visual()  # Arabic reads right in a terminal without bidi
    for found in suggest(article.text):
        if args.json:
            line = json.dumps(
                {
                    "verb": found.verb,
                    "source": found.source,
                    "role": found.role,
                    "named": found.named,
                    "source_type": found.source_type,
                    "source_start": found.source_span[0],
                    "source_end": found.source_span[1],
                    "claim_start": found.claim_span[0],
                    "claim_end": found.claim_span[1],
                    "claim": found.claim,
                    "quoted": found.quoted,
                    "relay": found.relay,
                    "language": found.language,
                },
                ensure_ascii=False,
            )
            # json escapes C0 controls; DEL and C1 (a raw CSI) must not reach a terminal either.
            write(_C1_AND_DEL_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", line))
        else:
            role = f" ({found.role})" if found.role else ""
            kind = f"named {found.source_type}" if found.named else "anonymous"
            start, end = found.claim_span
            fields = (found.verb, found.source + role, kind, f"{start}:{end}", _excerpt(found.claim))
            # Joiners kept: Persian می‌گوید is spelled with a ZWNJ, which shaping needs and a pipe keeps.
            write("\t".join(shown(visible(field, joiners=True)) for field in fields))
        write("\n")
    sys.stdout.flush()
    return 0


def terminal_visual() -> Callable[[str], str]:
    """How names reach the terminal: shaped and in visual order (as the reader draws them) when stdout is a
    terminal and the configured bidi mode is app; as they are for a pipe or a terminal that does bidi."""
    from ..config import load_config
    from ..text.layout import LayoutOptions, layout_paragraph

    if not sys.stdout.isatty() or load_config()[0].bidi == "terminal":
        return str
    options = LayoutOptions(width=10_000)

    def visual(text: str) -> str:
        if text.isascii() or "\n" in text:
            return text
        return "".join(line.text for line in layout_paragraph(text, options))

    return visual


def build_reader_parser() -> argparse.ArgumentParser:
    """``qari [PATH] [--bidi app|terminal]``: the reader (the sub-commands have their own parser)."""
    parser = OneLineParser(
        prog="qari",
        description="Read and annotate right-to-left news articles in the terminal. "
        f"Commands for scripts: {', '.join(SUBCOMMANDS)} (qari COMMAND --help).",
    )
    parser.add_argument(
        "path",
        metavar="PATH",
        nargs="?",
        help="an article file, or a folder of articles (default: the bundled samples)",
    )
    parser.add_argument(
        "--bidi",
        choices=("auto", "app", "terminal"),
        default=None,
        help="app: qari shapes and orders the text; terminal: for terminals that do bidi and can't be told "
        "not to; auto: as suits the terminal found (default: the config file's choice, else auto)",
    )
    from ..terminal.profiles import TERMINAL_NAMES

    parser.add_argument(
        "--terminal",
        choices=TERMINAL_NAMES,
        default=None,
        metavar="NAME",
        help="the terminal qari runs in, instead of finding out: " + ", ".join(TERMINAL_NAMES),
    )
    return parser


def cmd_reader(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from ..article import ArticleError, find_articles, load_article
    from ..config import load_config

    target = Path(args.path) if args.path else SAMPLES
    try:
        if target.is_dir():
            articles: list[Path] | None = find_articles(target)
            article = None
        else:
            article = load_article(target, streamed=True)  # the reader's first screen before a big file's rest
            articles = None
    except ArticleError as err:
        fail(str(err))
    config, warnings = load_config()
    if args.bidi:
        config = replace(config, bidi=args.bidi)
    if args.terminal:
        config = replace(config, terminal=args.terminal)
    from ..terminal.here import plan_here

    plan = plan_here(config.bidi, config.terminal)
    default_frame_rate()
    from ..ui.app import run_library, run_reader

    if articles is not None:
        return run_library(target, articles, config=config, warnings=warnings, plan=plan)
    assert article is not None
    return run_reader(article, config=config, warnings=warnings, plan=plan)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if hasattr(sys.stdout, "reconfigure") and (sys.stdout.encoding or "").lower().replace("-", "") != "utf8":
        sys.stdout.reconfigure(encoding="utf-8", errors="replace")
    try:
        if argv[:1] == ["doctor"]:
            from .doctor import run_doctor

            return run_doctor(argv[1:])
        if (argv and argv[0] in SUBCOMMANDS) or argv[:1] == ["--version"]:
            args = build_parser().parse_args(argv)
            if args.command == "render":
                return cmd_render(args)
            if args.command == "suggest":
                return cmd_suggest(args)
            if args.command in ("export", "stats"):
                from .corpus_commands import cmd_export, cmd_stats

                return cmd_export(args) if args.command == "export" else cmd_stats(args)
            if args.command in ("import", "info"):
                from .pages import cmd_import, cmd_info

                return cmd_import(args) if args.command == "import" else cmd_info(args)
            fail("give a command (see 'qari --help')")
        args = build_reader_parser().parse_args(argv)
        return cmd_reader(args)
    except UsageError as err:
        fail(str(err))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (qari render … | head): not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
