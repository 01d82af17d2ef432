"""Themes as data: TOML files in the bundled ``themes/`` folder and in the user's, plus qari's own theme variables.

A theme file holds the fields of ``textual.theme.Theme`` and a ``[variables]``
table::

    name = "qari-dark"          # letters, digits, "-" and "_" (it becomes a CSS class)
    dark = true
    primary = "#5aa9e6"         # required; the other colours are optional
    background = "#15171c"
    ...
    [variables]
    claim-supported = "#7bd389" # qari's variables (APP_VARIABLES) or Textual's

A bad file never stops the app: ``load_themes`` skips it (or just its bad
variable) and returns one warning line for it. Later folders win, so a user
theme named ``qari-dark`` replaces the bundled one.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from textual.app import App, SystemCommand
from textual.color import Color, ColorParseError
from textual.css.errors import DeclarationError, StyleValueError
from textual.css.styles import Styles
from textual.css.tokenize import IDENTIFIER
from textual.design import ColorSystem
from textual.theme import BUILTIN_THEMES, Theme

from ..config import config_dir
from ..resources import bundled
from ..text.sanitise import visible

#: Used when the configured theme is not available.
FALLBACK_THEME = "qari-dark"

#: The colour fields a theme file may set (``primary`` is required).
COLOR_FIELDS = (
    "primary",
    "secondary",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "warning",
    "error",
    "success",
    "boost",
)

#: qari's own theme variables, usable in TCSS as ``$name``, and what each one colours.
APP_VARIABLES: dict[str, str] = {
    "claim-unverified": "a claim not checked yet (text or marker colour; readable on $surface)",
    "claim-supported": "a claim the evidence supports",
    "claim-disputed": "a disputed claim",
    "claim-false": "a claim found false",
    "claim-opinion": "an opinion, not a checkable claim",
    "selection-background": "background of the selected text in the article",
    "selection-foreground": "text on selection-background",
    "search-match": "background of a search match",
    "search-match-foreground": "text on search-match",
    "cursor-cell": "background of the reading cursor's cell",
    "cursor-cell-foreground": "text on cursor-cell",
}

#: The bundled themes whose ``[variables]`` are qari's defaults for a theme of that brightness. Their
#: values are chosen to read (claims >= 4.5:1 as text, highlight blocks >= 3:1) on the background and
#: surface of every Textual built-in theme of that brightness, as well as on qari's own.
_DEFAULTS_FROM = {True: "qari-dark.toml", False: "qari-light.toml"}

_NAME_RE = re.compile(IDENTIFIER)
#: Characters that could end a CSS declaration or start a reference when a variable is substituted.
_UNSAFE_VALUE_RE = re.compile(r"[;{}$\\\x00-\x1f\x7f]")


def variable_defaults(dark: bool) -> dict[str, str]:
    """qari's variables for a theme that does not set them (Textual's own themes, a partial user theme).

    They are the bundled qari-dark or qari-light theme's, so the colours are
    defined once, in the theme files. For ``App.get_theme_variable_defaults``:
    ``return variable_defaults(self.current_theme.dark)``. A fresh dict each call.
    """
    return dict(_bundled_variables(dark))


@cache
def _bundled_variables(dark: bool) -> tuple[tuple[str, str], ...]:
    table = tomllib.loads((bundled("themes") / _DEFAULTS_FROM[dark]).read_text(encoding="utf-8"))
    variables = table.get("variables", {})
    return tuple((name, str(variables[name])) for name in APP_VARIABLES if name in variables)


def theme_dirs() -> list[Path]:
    """Where themes are looked for, in order: the bundled ``themes/`` folder, then ``<config dir>/themes``."""
    return [bundled("themes"), config_dir() / "themes"]


@cache
def textual_variables() -> frozenset[str]:
    """The variable names Textual's colour system defines (a theme file may override them)."""
    return frozenset(ColorSystem(primary="#000000").generate())


def _check_variable(name: str, value: object) -> str | None:
    """Why a ``[variables]`` entry cannot be used, or None if it can."""
    if name not in APP_VARIABLES and name not in textual_variables():
        return f"unknown variable {visible(name)!r} ignored"
    if not isinstance(value, str) or not value.strip():
        return f"variable {name} must be a string, not {visible(repr(value))}; ignored"
    if _UNSAFE_VALUE_RE.search(value):
        return f"variable {name}: {visible(repr(value))} is not a CSS value; ignored"
    if name in APP_VARIABLES:
        try:
            Color.parse(value)
        except ColorParseError:
            return f"variable {name}: {visible(repr(value))} is not a colour; ignored"
        return None
    # Textual's variables are colours ("#fff", "auto 87%", "transparent") or text styles.
    rule = "text-style" if name.endswith("-style") else "color"
    try:
        Styles.parse(f"{rule}: {value};", ("theme", name))
    except (DeclarationError, StyleValueError, ValueError):
        kind = "text style" if rule == "text-style" else "colour"
        return f"variable {name}: {visible(repr(value))} is not a {kind}; ignored"
    return None


def load_theme(path: Path) -> tuple[Theme | None, list[str]]:
    """One theme file: the theme (None when unusable) and one warning line per problem."""
    where = f"theme {visible(path)}"
    try:
        table = tomllib.loads(path.read_bytes().decode("utf-8"))
    except OSError as err:
        return None, [f"{where}: cannot read it ({visible(err.strerror or err)})"]
    except UnicodeDecodeError:
        return None, [f"{where}: not UTF-8 text"]
    except tomllib.TOMLDecodeError as err:
        return None, [f"{where}: not valid TOML ({visible(err)})"]

    name = table.get("name")
    if not isinstance(name, str) or not _NAME_RE.fullmatch(name):
        shown = "missing" if name is None else f"{visible(repr(name))}, not letters, digits, - and _"
        return None, [f"{where}: name is {shown}"]
    if "primary" not in table:
        return None, [f"{where}: primary colour is missing"]
    dark = table.get("dark", True)
    if not isinstance(dark, bool):
        return None, [f"{where}: dark must be true or false, not {visible(repr(dark))}"]
    colors: dict[str, str] = {}
    for field in COLOR_FIELDS:
        if field not in table:
            continue
        value = table[field]
        try:
            if not isinstance(value, str):
                raise ColorParseError("not a string")
            Color.parse(value)
        except ColorParseError:
            return None, [f"{where}: {field} = {visible(repr(value))} is not a colour"]
        colors[field] = value

    warnings: list[str] = []
    for key in table:
        if key not in ("name", "dark", "variables", *COLOR_FIELDS):
            warnings.append(f"{where}: unknown key {visible(repr(key))} ignored")
    variables: dict[str, str] = {}
    raw_variables = table.get("variables", {})
    if not isinstance(raw_variables, dict):
        warnings.append(f"{where}: variables must be a table ([variables]); ignored")
        raw_variables = {}
    for key, value in raw_variables.items():
        problem = _check_variable(key, value)
        if problem:
            warnings.append(f"{where}: {problem}")
        else:
            variables[key] = value.strip()

    theme = Theme(name=name, dark=dark, variables=variables, **colors)  # type: ignore[arg-type]
    try:
        theme.to_color_system().generate()
    except Exception as err:
        return None, [f"{where}: Textual cannot use it ({visible(err)})"]
    return theme, warnings


def load_themes(dirs: Iterable[Path]) -> tuple[list[Theme], list[str]]:
    """Every ``*.toml`` theme in ``dirs`` (missing folders are skipped) and the warnings.

    A name defined twice keeps the later definition (user folder over bundled).
    """
    themes: dict[str, Theme] = {}
    warnings: list[str] = []
    for folder in dirs:
        try:
            paths = sorted(path for path in folder.glob("*.toml") if path.is_file())
        except OSError as err:
            warnings.append(f"themes {visible(folder)}: cannot list it ({visible(err.strerror or err)})")
            continue
        for path in paths:
            theme, problems = load_theme(path)
            warnings.extend(problems)
            if theme is not None:
                themes.pop(theme.name, None)
                themes[theme.name] = theme
    return list(themes.values()), warnings


def register_themes(app: App[Any], dirs: Iterable[Path] | None = None) -> list[str]:
    """Register every theme found in ``dirs`` (default: ``theme_dirs()``); return the warnings."""
    themes, warnings = load_themes(theme_dirs() if dirs is None else dirs)
    for theme in themes:
        app.register_theme(theme)
    return warnings


def apply_theme(app: App[Any], name: str) -> str | None:
    """Switch ``app`` to theme ``name``; when it is not registered, to ``FALLBACK_THEME``, with a warning."""
    if name in app.available_themes:
        app.theme = name
        return None
    fallback = FALLBACK_THEME if FALLBACK_THEME in app.available_themes else "textual-dark"
    app.theme = fallback
    return f"theme {visible(repr(name))} not found; using {fallback}"


def theme_commands(app: App[Any]) -> Iterator[SystemCommand]:
    """Palette entries ``theme: NAME`` for the themes from files (Textual's own are under its "Theme" command)."""
    for name, theme in sorted(app.available_themes.items()):
        if BUILTIN_THEMES.get(name) is theme:
            continue

        def switch(name: str = name) -> None:
            app.theme = name

        mode = "dark" if theme.dark else "light"
        yield SystemCommand(f"theme: {name}", f"Switch to the {mode} theme {name}", switch)
