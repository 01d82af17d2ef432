"""EntryList: a keyboard list that draws entries only when they are seen."""

from __future__ import annotations

import asyncio

from rich.text import Text
from textual.app import App, ComposeResult

from reader.ui.entry_list import EntryList

drawn: list[int] = []


def rows(entry: int, width: int) -> list[Text]:
    drawn.append(entry)
    return [Text(f"entry {entry}"), Text(f"  detail {entry}")]


class ListApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.picked: list[int] = []
        self.highlights: list[int] = []

    def compose(self) -> ComposeResult:
        yield EntryList(rows)

    def on_mount(self) -> None:
        entry_list = self.query_one(EntryList)
        entry_list.set_entries(list(range(1000)), rule_before=500)
        entry_list.focus()

    def on_entry_list_selected(self, event: EntryList.Selected) -> None:
        self.picked.append(event.index)

    def on_entry_list_highlighted(self, event: EntryList.Highlighted) -> None:
        self.highlights.append(event.index)


def test_only_the_entries_on_screen_are_drawn_and_moving_keeps_the_highlight_in_view() -> None:
    async def body() -> None:
        drawn.clear()
        app = ListApp()
        async with app.run_test(size=(40, 10)) as pilot:
            await pilot.pause()
            entry_list = app.query_one(EntryList)
            assert 0 < len(set(drawn)) <= 6  # 10 rows of 2-row entries, not 1,000
            await pilot.press("end")
            await pilot.pause()
            assert entry_list.highlighted == 999
            assert entry_list.scroll_y >= 1000 * 2 + 1 - 10  # the last entry is in view (the rule adds a row)
            await pilot.press("home", "down", "down", "enter")
            await pilot.pause()
            assert app.picked == [2] and app.highlights[-1] == 2
            assert len(set(drawn)) < 30

    asyncio.run(body())


def test_the_rule_stands_before_its_entry_and_a_click_picks_the_entry_under_it() -> None:
    async def body() -> None:
        app = ListApp()
        async with app.run_test(size=(40, 10)) as pilot:
            entry_list = app.query_one(EntryList)
            entry_list.set_entries([0, 1, 2], rule_before=1)
            await pilot.pause()
            assert [entry_list.render_line(y).text.strip() for y in range(5)] == [
                "entry 0",
                "detail 0",
                "─" * 40,
                "entry 1",
                "detail 1",
            ]
            await pilot.click(EntryList, offset=(2, 3))  # the row of entry 1, below the rule
            await pilot.pause()
            assert app.picked == [1]
            await pilot.click(EntryList, offset=(2, 2))  # the rule itself picks nothing
            await pilot.pause()
            assert app.picked == [1]

    asyncio.run(body())


def test_new_entries_keep_the_requested_highlight_and_an_empty_list_has_none() -> None:
    async def body() -> None:
        app = ListApp()
        async with app.run_test(size=(40, 10)) as pilot:
            entry_list = app.query_one(EntryList)
            entry_list.set_entries([5, 6, 7], highlight=2)
            await pilot.pause()
            assert entry_list.highlighted == 2
            entry_list.set_entries([], highlight=2)
            await pilot.pause()
            assert entry_list.highlighted is None and entry_list.entry_count == 0
            await pilot.press("down", "enter")
            assert app.picked == []

    asyncio.run(body())
