"""What the screen looks like (pytest-textual-snapshot).

Review a new or changed SVG by opening it before accepting it with
--snapshot-update. A browser applies its own bidi to the SVG's text, so
judge the Arabic from `qari render`, tmux or an xterm screenshot, and the
SVG for layout, colours and highlights.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_helpers import library_read, store_open, until

from reader.article import Article, find_articles
from reader.config import Config
from reader.ui.app import QariApp

LIBRARY = Path(__file__).parent / "data" / "library"

ARTICLE = "\n".join(
    [
        "12 مارس 2025 09:15",
        "بوابة المرصد",
        "بوابة المرصد",
        "",
        "الوزارة تطلق حملة وطنية لتطعيم ثلاثة ملايين طفل (المرحلة الأولى)",
        "",
        "أكدت سلمى حداد، المتحدثة باسم وزارة الصحة، أن الحملة ستبدأ يوم الأحد 16 مارس وتستمر أسبوعين،"
        " وأن الهدف هو تطعيم 95% من الأطفال دون الخامسة.",
        "",
        "وكشفت مصادر مطلعة أن الوزارة طلبت «دعمًا عاجلًا» من منظمة Global Health Partners لتأمين اللقاحات.",
        "",
        "الوزارة تطلق حملة وطنية لتطعيم ثلاثة ملايين طفل (المرحلة الأولى)",
        "",
        "وَقَالَ الطَّبِيبُ كَرِيمٌ نُورٌ إِنَّ الْإِقْبَالَ كَانَ جَيِّدًا فِي الْأَيَّامِ الْأُولَى.",
    ]
)


def reader(theme: str) -> QariApp:
    return QariApp(article=Article.from_text(ARTICLE, "campaign.txt"), config=Config(theme=theme))


@pytest.mark.parametrize("theme", ["qari-dark", "qari-light"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_arabic_article(snap_compare, theme: str, size: tuple[int, int]) -> None:
    assert snap_compare(reader(theme), terminal_size=size)


def test_arabic_article_with_a_search_and_a_selected_sentence(snap_compare) -> None:
    assert snap_compare(reader("qari-dark"), terminal_size=(100, 30), press=["slash", *"اسبوع", "enter", "down", "s"])


def test_library(snap_compare) -> None:
    app = QariApp(folder=Path("library"), paths=find_articles(LIBRARY))
    assert snap_compare(app, terminal_size=(100, 20), run_before=library_read)  # rows read in the background


def test_claims_panel_beside_the_article(snap_compare, tmp_path: Path) -> None:
    from reader.annotations.model import Anchor, Claim, Source
    from reader.annotations.store import AnnotationStore
    from reader.article import load_article

    path = tmp_path / "campaign.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    text = load_article(path).text
    haddad = Source("سلمى حداد", "official", "المتحدثة باسم وزارة الصحة", id="s1")
    insiders = Source("مصادر مطلعة", "anonymous", id="s2")
    with AnnotationStore.open(path, text) as store:
        for source in (haddad, insiders):
            store.add_source(source)
        for words, source, tags, status in (
            ("أن الحملة ستبدأ يوم الأحد 16 مارس", haddad, ("صحة", "مواعيد"), "supported"),
            ("أن الوزارة طلبت «دعمًا عاجلًا»", insiders, ("تمويل",), "disputed"),
        ):
            start = text.index(words)
            store.add_claim(
                Claim(
                    Anchor.from_text(text, start, start + len(words)),
                    (source.id,),
                    tags,
                    status=status,
                    id=f"c{start}",
                    created="2025-03-12T09:15:00Z",
                )
            )

    async def open_panel(pilot) -> None:  # type: ignore[no-untyped-def]
        await store_open(pilot)
        await pilot.press("p")
        await pilot.pause()

    app = QariApp(article=load_article(path), config=Config(theme="qari-dark"))
    assert snap_compare(app, terminal_size=(110, 30), run_before=open_panel)


def test_attribution_suggestions_marked_and_the_bar(snap_compare, tmp_path: Path) -> None:
    from reader.article import load_article
    from reader.ui.suggestion_bar import SuggestionBar

    path = tmp_path / "campaign.txt"
    path.write_text(ARTICLE, encoding="utf-8")

    async def suggest(pilot) -> None:  # type: ignore[no-untyped-def]
        await store_open(pilot)
        await pilot.press("a")
        await until(pilot, lambda: bool(pilot.app.screen.query_one(SuggestionBar).suggestions))
        await pilot.press("tab")
        await pilot.pause()

    app = QariApp(article=load_article(path), config=Config(theme="qari-dark"))
    assert snap_compare(app, terminal_size=(100, 30), run_before=suggest)


def test_library_statistics_with_bar_charts(snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.annotations.model import Anchor, Claim, Source
    from reader.annotations.store import AnnotationStore
    from reader.ui.stats_screen import StatsScreen

    for name, status in (("a.txt", "supported"), ("b.txt", "disputed")):
        path = tmp_path / name
        path.write_text(ARTICLE, encoding="utf-8")
        with AnnotationStore.open(path, ARTICLE) as store:
            haddad, insiders = Source("سلمى حداد", "official", id="s1"), Source("مصادر مطلعة", "anonymous", id="s2")
            store.add_source(haddad)
            store.add_source(insiders)
            for words, source in (("الحملة ستبدأ", haddad), ("طلبت «دعمًا عاجلًا»", insiders)):
                start = ARTICLE.index(words)
                store.add_claim(
                    Claim(
                        Anchor.from_text(ARTICLE, start, start + len(words)),
                        (source.id,),
                        ("صحة",),
                        status=status,
                        id=f"{name}{start}",
                        created="2025-03-12T09:15:00Z",
                    )
                )

    async def open_stats(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("s")
        await until(pilot, lambda: isinstance(pilot.app.screen, StatsScreen) and pilot.app.screen.stats is not None)

    monkeypatch.chdir(tmp_path)  # the folder as the user named it: "library"
    (tmp_path / "library").mkdir()
    for name in ("a.txt", "b.txt"):
        for file in tmp_path.glob(f"{name}*"):
            file.rename(tmp_path / "library" / file.name)
    app = QariApp(folder=Path("library"), paths=find_articles(Path("library")), config=Config(theme="qari-dark"))
    assert snap_compare(app, terminal_size=(100, 40), run_before=open_stats)
