"""The help screen lists the keys that work on the screen below it, and only those."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Input

from reader.ui.help import HelpScreen, KeyHelp, binding_groups, group_title


class Pane(Widget, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("h", "toggle_harakat", "Harakat", tooltip="Hide or show vowel marks"),
        Binding("up,k", "move_up", "Up"),
        Binding("n", "next_match", "Next match"),
        Binding("z", "hidden_thing", "Hidden"),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "hidden_thing":
            return False  # not available here: must not be listed
        if action == "next_match":
            return None  # bound but disabled right now: listed, dimmed
        return True

    def action_toggle_harakat(self) -> None: ...
    def action_move_up(self) -> None: ...
    def action_next_match(self) -> None: ...
    def action_hidden_thing(self) -> None: ...


class MainScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("x", "export", "Export CSV"), Binding("q", "app.quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Pane(id="pane")
        yield Input(id="field")

    def on_mount(self) -> None:
        self.query_one(Pane).focus()

    def action_export(self) -> None: ...


class TinyApp(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("question_mark", "help", "Help")]

    def on_mount(self) -> None:
        self.push_screen(MainScreen())

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())


def run(body: Callable[[TinyApp, Pilot[None]], Awaitable[None]]) -> None:
    async def main() -> None:
        app = TinyApp()
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            await body(app, pilot)

    asyncio.run(main())


def table_rows(app: App[None]) -> list[tuple[str, str]]:
    table = app.screen.query_one("#help-keys", DataTable)
    return [(str(table.get_row_at(i)[0]).strip(), str(table.get_row_at(i)[1])) for i in range(table.row_count)]


def test_group_titles() -> None:
    assert group_title(TinyApp()) == "Everywhere"
    assert group_title(MainScreen()) == "This screen"
    assert group_title(Pane()) == "Pane"
    assert group_title(DataTable()) == "Data table"


def test_binding_groups_follow_the_focus_chain() -> None:
    async def body(app: TinyApp, pilot: Pilot[None]) -> None:
        groups = dict(binding_groups(app.screen))
        assert list(groups)[:1] == ["Pane"] and list(groups)[-1] == "Everywhere"
        pane = {row.description: row for row in groups["Pane"]}
        assert pane["Harakat"] == KeyHelp("h", "Harakat", "Hide or show vowel marks", True)
        assert pane["Up"].keys == "↑ k"  # two keys, one row
        assert pane["Next match"].enabled is False
        assert "Hidden" not in pane
        assert [row.description for row in groups["This screen"] if row.keys == "x"] == ["Export CSV"]
        assert any(row.keys == "?" and row.description == "Help" for row in groups["Everywhere"])
        # Textual's hidden system binding (ctrl+c "help quit") is not advertised.
        assert not any(row.description == "help quit" for rows in groups.values() for row in rows)

    run(body)


def test_question_mark_opens_help_listing_the_bindings_and_escape_closes_it() -> None:
    async def body(app: TinyApp, pilot: Pilot[None]) -> None:
        screen_below = app.screen
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = table_rows(app)
        keys = dict(rows)
        assert keys["h"].startswith("Harakat") and "vowel marks" in keys["h"]
        assert keys["x"] == "Export CSV"
        assert keys["?"] == "Help"
        assert "not now" in keys["n"]
        assert "z" not in keys
        assert [key for key, does in rows if does == ""] == ["Pane", "This screen", "Everywhere"]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen_below

    run(body)


def test_q_and_question_mark_close_help_too_and_nothing_leaks_to_the_screen_below() -> None:
    async def body(app: TinyApp, pilot: Pilot[None]) -> None:
        for key in ("q", "question_mark"):
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, MainScreen)
        assert app.is_running  # q closed the help; the screen below's q (quit) did not run

    run(body)


def test_keys_an_input_swallows_are_not_listed() -> None:
    async def body(app: TinyApp, pilot: Pilot[None]) -> None:
        app.screen.query_one(Input).focus()
        await pilot.pause()
        groups = dict(binding_groups(app.screen))
        assert "Pane" not in groups
        everything = [row.keys for rows in groups.values() for row in rows]
        assert "x" not in everything and "?" not in everything  # typed into the field, not run

    run(body)


def test_a_long_tooltip_wraps_inside_the_help_box(tmp_path: Path) -> None:
    from reader.article import load_article
    from reader.ui.app import QariApp

    path = tmp_path / "a.txt"
    path.write_text("قال الوزير إن الأسعار ستنخفض.\n", encoding="utf-8")

    async def main() -> None:
        app = QariApp(article=load_article(path))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("question_mark")
            await pilot.pause()
            table = app.screen.query_one("#help-keys", DataTable)
            box = app.screen.query_one("#help-box")
            assert table.virtual_size.width <= box.content_region.width  # nothing cut off at the right edge
            rows = [" ".join(str(table.get_row_at(i)[1]).split()) for i in range(table.row_count)]
            assert any("to confirm as claims" in row for row in rows)  # wrapped, all of it there

    asyncio.run(main())


def test_the_reader_help_lists_the_claim_fields_and_wraps_all_of_it_inside_the_table(tmp_path: Path) -> None:
    from pilot_helpers import store_open, until

    from reader.article import load_article
    from reader.ui.app import QariApp
    from reader.ui.suggestion_bar import SuggestionBar

    path = tmp_path / "a.txt"
    path.write_text("قال الوزير إن الأسعار ستنخفض.\n", encoding="utf-8")

    def fits(app: App[None]) -> list[tuple[str, str]]:
        table = app.screen.query_one("#help-keys", DataTable)
        # Not the box: the table's own room, its scrollbar's columns taken off (no horizontal scrolling).
        assert table.virtual_size.width <= table.scrollable_content_region.width
        return [
            (str(a).strip(), " ".join(str(b).split())) for a, b in (table.get_row_at(i) for i in range(table.row_count))
        ]

    async def main() -> None:
        app = QariApp(article=load_article(path))
        async with app.run_test(size=(100, 30)) as pilot:
            await store_open(pilot)
            await pilot.press("question_mark")
            await pilot.pause()
            rows = fits(app)
            fields = [name for name, _ in rows[[name for name, _ in rows].index("Claim fields") + 1 :]]
            assert fields == ["source", "source type", "role", "tags", "status", "note", "evidence"]
            does = dict(rows)
            assert "separated by ؛ or ;" in does["source"] and "disputed" in does["status"]
            assert "https://… | the ministry's statement" in does["evidence"]  # wrapped, all of it there
            await pilot.press("escape")
            # The longest group title (the suggestion bar's) widens the key column; the rows still fit.
            bar = app.screen.query_one(SuggestionBar)
            await pilot.press("a")
            await until(pilot, lambda: bool(bar.suggestions) and bar.has_focus)
            await pilot.press("question_mark")
            await pilot.pause()
            assert "Attribution suggestions" in dict(fits(app))

    asyncio.run(main())
