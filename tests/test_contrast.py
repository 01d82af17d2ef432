"""Every theme's text stays readable where the article view and the claims panel draw it: WCAG 4.5:1.

The colours are the ones drawn, not the theme's variables: the app runs in
each theme, the article view and the panel's list draw their rows with
every component class in use (title, repeated line, claims of each status,
a claim over two lines under the selection, the cursor, a search match, a
suggestion; the highlighted entry, focused and not, the orphans' rule), and
each segment's colour is measured against the background it is drawn on (a
style that sets only a colour is drawn on the widget's background).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from pilot_helpers import store_open, until
from rich.color import Color as RichColor
from rich.style import Style
from test_themes import contrast
from textual.strip import Strip

from reader.annotations.model import STATUSES, Anchor, Claim, Source
from reader.annotations.store import AnnotationStore
from reader.article import load_article
from reader.ui.annotations_panel import AnnotationsPanel
from reader.ui.app import QariApp
from reader.ui.article_view import ArticleView
from reader.ui.entry_list import EntryList

#: The themes qari ships (a theme added to themes/ is checked too). Textual's own themes are not: many of
#: their primary and block-cursor colours read below 4.5:1 on their own surfaces (atom-one-light, solarized).
THEMES = sorted(path.stem for path in (Path(__file__).resolve().parent.parent / "themes").glob("*.toml"))

TITLE = "اتفاق الهدنة يدخل أسبوعه الثالث"
LONG = (
    "وكشفت مصادر مطلعة على سير المفاوضات أن المسودة المطروحة حاليًا تتضمن هدنة أولية مدتها ستون يومًا "
    "تبدأ بوقف شامل للعمليات الجوية والمدفعية يليه انسحاب متبادل للقوات مسافة خمسة كيلومترات"
)
TEXT = (
    f"{TITLE}\n{TITLE}\n"
    + "".join(f"قال المتحدث إن الموقف {status} في هذه الجملة الطويلة نسبيًا.\n" for status in STATUSES)
    + LONG
    + ".\nوأضاف الوزير أن الجولة المقبلة ستعقد في العاصمة.\n"
)


def _article(tmp_path: Path) -> Path:
    """An article with a repeated title, a claim of every status, and a claim long enough for two rows."""
    path = tmp_path / "hudna.txt"
    path.write_text(TEXT, encoding="utf-8")
    with AnnotationStore.open(path, TEXT) as store:
        store.add_source(Source("مصادر مطلعة", "anonymous", "على سير المفاوضات", id="s-1"))
        for status in STATUSES:
            start = TEXT.index(f"الموقف {status}")
            store.add_claim(Claim(Anchor.from_text(TEXT, start, start + 20), ("s-1",), ("هدنة",), status=status))
        start = TEXT.index(LONG)
        store.add_claim(Claim(Anchor.from_text(TEXT, start, start + len(LONG)), ("s-1",), id="c-long"))
    return path


def _hex(color: RichColor | None) -> str | None:
    return None if color is None or color.triplet is None else color.triplet.hex


def _problems(strips: list[Strip], base: Style, where: str) -> tuple[list[str], set[str]]:
    """Segments whose text reads below 4.5:1 on their background, and every text colour seen."""
    problems: list[str] = []
    seen: set[str] = set()
    fallback_fg, fallback_bg = _hex(base.color), _hex(base.bgcolor)
    for row, strip in enumerate(strips):
        for segment in strip:
            if not segment.text.strip() or segment.control:
                continue
            style = segment.style or Style()
            fg = _hex(style.color) or fallback_fg
            bg = _hex(style.bgcolor) or fallback_bg
            assert fg is not None and bg is not None
            if style.reverse:
                fg, bg = bg, fg
            seen.add(fg)
            if (ratio := contrast(fg, bg)) < 4.5:
                problems.append(f"{where} row {row} {segment.text.strip()[:12]!r}: {fg} on {bg} = {ratio:.2f}")
    return problems, seen


def _view_rows(view: ArticleView) -> list[Strip]:
    return [view.render_line(y) for y in range(view.scrollable_content_region.height)]


def _list_rows(entry_list: EntryList[object]) -> list[Strip]:
    return [entry_list.render_line(y) for y in range(entry_list.scrollable_content_region.height)]


@pytest.mark.parametrize("theme", THEMES)
def test_article_view_text_reads_on_its_background_in_every_theme(theme: str, tmp_path: Path) -> None:
    path = _article(tmp_path)

    async def body() -> None:
        app = QariApp(article=load_article(path))
        async with app.run_test(size=(100, 30)) as pilot:
            await store_open(pilot)
            app.theme = theme
            view = app.screen.query_one(ArticleView)
            await until(pilot, lambda: bool(view.claims))
            problems: list[str] = []
            seen: set[str] = set()
            long_start = TEXT.index(LONG)
            states = {
                "claims": lambda: view.move_cursor(0),
                "the long claim selected": lambda: view.select(long_start, long_start + len(LONG)),
                "cursor on a claim": lambda: view.move_cursor(TEXT.index("الموقف disputed") + 3),
                "search match": lambda: view.set_search("الوزير"),
                "suggestion": lambda: view.set_suggestions([(TEXT.index("وأضاف"), TEXT.index("العاصمة"))]),
            }
            for state, act in states.items():
                act()
                await pilot.pause()
                found, colours = _problems(_view_rows(view), view.rich_style, f"{theme}, {state}:")
                problems += found
                seen |= colours
            assert problems == []
            claim_colours = {
                _hex(view.get_component_rich_style(f"article-view--claim-{status}").color) for status in STATUSES
            }
            assert claim_colours <= seen  # every claim colour was drawn and measured

    asyncio.run(body())


@pytest.mark.parametrize("theme", THEMES)
def test_claims_panel_text_reads_on_its_background_in_every_theme(theme: str, tmp_path: Path) -> None:
    path = _article(tmp_path)
    # An orphan brings the rule between placed and lost claims.
    (tmp_path / "hudna.txt").write_text(TEXT.replace("الموقف opinion", "الموقف رأي"), encoding="utf-8")

    async def body() -> None:
        app = QariApp(article=load_article(path))
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await store_open(pilot)
            app.theme = theme
            await pilot.press("p")
            panel = screen.query_one(AnnotationsPanel)
            entry_list = panel.query_one(EntryList)
            await until(pilot, lambda: entry_list.has_focus and entry_list.entry_count > 0)
            assert entry_list.rule_before is not None
            problems: list[str] = []
            for focused in (True, False):
                if not focused:
                    screen.query_one(ArticleView).focus()
                for index in range(entry_list.entry_count):
                    entry_list.highlighted = index
                    await pilot.pause()
                    where = f"{theme}, {'focused' if focused else 'blurred'}, entry {index} highlighted:"
                    problems += _problems(_list_rows(entry_list), entry_list.rich_style, where)[0]
            assert problems == []

    asyncio.run(body())
