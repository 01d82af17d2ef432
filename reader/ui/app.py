"""The qari Textual app: a library of articles and the reader."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterable
from contextlib import nullcontext
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.driver import Driver
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme

from ..article import Article
from ..config import Config, save_config
from ..export.registry import FORMATS
from ..terminal import bidi_mode, exit_on_signals, terminal_hung_up
from ..terminal.clipboard import sequences_here
from ..terminal.here import first_time
from ..terminal.plan import Plan
from .article_view import ArticleView
from .cell_order import cells_arranged
from .help import HelpScreen
from .keymap import apply_keymap
from .label import block, layout_mode, toast_message
from .library_screen import LibraryScreen, library_of
from .reader_screen import ReaderScreen
from .terminal_driver import switching_driver
from .themes import apply_theme, register_themes, theme_commands, variable_defaults


def toast_width(screen_width: int) -> int:
    """The cells a toast's text gets on a screen this wide: Textual's ``Toast`` is 60 cells (at most half
    the screen's toast rack, which keeps 2 for its scrollbar), less its padding and left border."""
    return max(min(60, (screen_width - 2) // 2) - 3, 2)


HANGUP_CHECK_SECONDS = 1.0  # how soon qari leaves a terminal that went away without a SIGHUP for it

__all__ = ["LibraryScreen", "QariApp", "ReaderScreen", "run_library", "run_reader"]


READER_COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("Toggle harakat", "Hide or show Arabic vowel marks", "toggle_harakat"),
    ("Toggle repeated lines", "Hide or show repeated lines and the related-news block", "toggle_repeated"),
    ("Paragraph direction", "From the text, right to left, left to right", "cycle_direction"),
    ("Select sentence", "Select the sentence at the cursor", "select_sentence"),
    ("Selection mode", "Start or stop selecting at the cursor", "toggle_selecting"),
    ("Next match", "Select the next search match", "next_match(1)"),
    ("Previous match", "Select the previous search match", "next_match(-1)"),
    ("Top of the article", "Move the cursor to the start", "cursor_edge(-1)"),
    ("End of the article", "Move the cursor to the end", "cursor_edge(1)"),
)


class QariApp(App[None]):
    """qari: read right-to-left news articles in the terminal."""

    TITLE = "qari"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", id="app.help", tooltip="List the keys that work here")
    ]

    def __init__(
        self,
        *,
        article: Article | None = None,
        folder: Path | None = None,
        paths: list[Path] | None = None,
        bidi: str | None = None,
        config: Config | None = None,
        warnings: list[str] | None = None,
        plan: Plan | None = None,
    ) -> None:
        #: What qari does in this terminal (reader.terminal.plan); None: as xterm (tests, the headless driver).
        self.plan = plan
        super().__init__()
        self._event_loop: asyncio.AbstractEventLoop | None = None
        self._exit_requested = False  # a signal came before the event loop ran
        self.config = config or Config()
        if bidi is not None:
            self.config = replace(self.config, bidi=bidi)
        self._article = article
        self._folder = folder
        self._paths = paths or []
        self._warnings = list(warnings or []) + register_themes(self)
        problem = apply_theme(self, self.config.theme)
        if problem:
            self._warnings.append(problem)
        self._warnings += apply_keymap(self, self.config.keys)

    @property
    def bidi(self) -> str:
        """Who orders the text on screen: ``app`` (qari) or ``terminal``; the plan's choice for ``auto``."""
        if self.plan is not None:
            return self.plan.bidi
        return "terminal" if self.config.bidi == "terminal" else "app"

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver, switching the terminal's own bidi off and back with application mode."""
        base = super().get_driver_class()
        plan = getattr(self, "plan", None)  # called from App.__init__
        return switching_driver(base, plan.enter, plan.leave) if plan is not None else base

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Textual's ``notify``, with right-to-left text laid out for the bidi mode (``label.toast_message``).

        A ``Toast`` draws its message left to right as it comes, so Arabic in a
        toast was reversed and unjoined in both modes. Every notification (qari's
        and Textual's own; a widget's ``notify`` comes here too) is laid out at
        the width its toast will have. Thread-safe, as Textual's is.
        """
        width, bidi = toast_width(self.size.width), layout_mode(self.bidi)
        message, message_markup = toast_message(message, width, bidi=bidi, markup=markup)
        if title:
            title = "\n".join(block(title, width, bidi=bidi))
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=message_markup)

    def copy_to_clipboard(self, text: str) -> None:
        """Textual's OSC 52, and inside tmux or screen what gets it past them (``reader.terminal.clipboard``)."""
        super().copy_to_clipboard(text)
        inside = self.plan.found.inside if self.plan is not None else ""
        if inside and self._driver is not None:
            extra = sequences_here(text, inside)
            if extra:
                self._driver.write(extra)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return variable_defaults(self.current_theme.dark)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from theme_commands(self)
        yield SystemCommand("Help: keys", "List the keys that work here", self.action_help)
        if isinstance(screen, ReaderScreen):
            view = screen.query_one(ArticleView)
            for title, help_text, action in READER_COMMANDS:
                yield SystemCommand(title, help_text, partial(view.run_action, action))
            yield SystemCommand("Search", "Search the article (Arabic-normalised)", screen.action_search)
            yield SystemCommand(
                "Copy",
                "The selection, else the claim or sentence at the cursor, to the clipboard (y)",
                screen.action_copy,
            )
            yield SystemCommand(
                "Copy citation",
                "«quote» — source (role), title, outlet, date, URL of the claim at the cursor (Y)",
                screen.action_cite,
            )
            yield SystemCommand(
                "Claims: suggest attributions",
                "Find who claims what, confirm each as a claim (a)",
                screen.action_suggest,
            )
            for fmt in FORMATS.values():
                yield SystemCommand(
                    f"Export: {fmt.label}",
                    f"This article's claims to a {fmt.label} file beside it ({fmt.description})",
                    partial(screen.action_export, fmt.name),
                )
            yield SystemCommand(
                "Claims: list",
                "The claims in reading order, with their sources (p)",
                partial(screen.action_panel, "claims"),
            )
            yield SystemCommand(
                "Sources: list",
                "Each source with its type and claim count (S)",
                partial(screen.action_panel, "sources"),
            )
            if len(self.screen_stack) > 2:
                yield SystemCommand("Back to the library", "Close this article", screen.action_back)
        elif isinstance(screen, LibraryScreen):
            yield SystemCommand("Filter articles", "Type to filter the library", screen.action_focus_filter)
            yield SystemCommand(
                "Statistics", "Claims per article, source type, status and tag (s)", screen.action_statistics
            )
            yield SystemCommand(
                "Export: the folder's claims (CSV)",
                "Every claim of these articles to qari-claims.csv (x)",
                screen.action_export,
            )

    def _exit_if_terminal_is_gone(self) -> None:
        if sys.__stdin__ is not None and terminal_hung_up(sys.__stdin__.fileno()):
            self.exit()

    def request_exit(self) -> None:
        """Exit soon; safe from a signal handler or another thread.

        A signal handler runs between two steps of the event loop, which may
        then sleep in its selector with nothing to wake it: seen after a
        terminal closed under ``make run``, where qari was left running (and
        Textual's input thread spinning on the dead terminal).
        ``call_soon_threadsafe`` writes to the loop's wake-up pipe.
        """
        loop = self._event_loop
        if loop is None:  # still starting: leave as soon as mounted
            self._exit_requested = True
            return
        if not loop.is_closed():
            loop.call_soon_threadsafe(self.exit)

    def on_mount(self) -> None:
        self._event_loop = asyncio.get_running_loop()
        if self._exit_requested:
            self.exit()
            return
        if not self.is_headless and sys.__stdin__ is not None and sys.__stdin__.isatty():
            self.set_interval(HANGUP_CHECK_SECONDS, self._exit_if_terminal_is_gone)
        for warning in self._warnings:
            self.notify(warning, severity="warning", markup=False, timeout=10)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self._article is not None:
            self.push_screen(ReaderScreen(self._article, bidi=self.bidi))
        else:
            self.push_screen(LibraryScreen(self._folder or Path("."), self._paths))

    def _remember_theme(self, theme: Theme) -> None:
        """A theme chosen from the palette is kept for next time."""
        if theme.name != self.config.theme:
            self.config = replace(self.config, theme=theme.name)
            try:
                save_config(self.config)
            except OSError as err:
                self.notify(f"theme not saved: {err}", severity="warning", markup=False)

    def open_folder_of(self, article: Path) -> None:
        """Escape from an article opened on its own: the library of its folder, with the article highlighted."""
        self.switch_screen(library_of(article))

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())


def _run(app: QariApp) -> int:
    """Run the app with the terminal's own bidi switched off and always switched back.

    With a plan, the driver switches with Textual's application mode (start, end, suspends; Textual stops
    it in a ``finally``, so a crash puts the terminal back too); without one, the generic switch is sent
    around the whole run.
    """
    plan = app.plan
    switch = nullcontext() if plan is not None else bidi_mode(app.bidi)
    with switch, cells_arranged(plan.cells if plan else ""), exit_on_signals(app.request_exit):
        app.run()
    return 0


def _with_notice(plan: Plan | None, warnings: list[str] | None) -> list[str]:
    """The plan's notice joins the first screen's warnings the first time it is due."""
    shown = list(warnings or [])
    if plan is not None and plan.notice and first_time(plan.notice):
        shown.append(plan.notice)
    return shown


def run_reader(
    article: Article, *, config: Config | None = None, warnings: list[str] | None = None, plan: Plan | None = None
) -> int:
    return _run(QariApp(article=article, config=config, warnings=_with_notice(plan, warnings), plan=plan))


def run_library(
    folder: Path,
    paths: list[Path],
    *,
    config: Config | None = None,
    warnings: list[str] | None = None,
    plan: Plan | None = None,
) -> int:
    return _run(QariApp(folder=folder, paths=paths, config=config, warnings=_with_notice(plan, warnings), plan=plan))
