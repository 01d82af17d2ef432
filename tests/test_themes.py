"""Themes as data: bundled and user theme files, bad files, and colours that stay readable."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.app import App
from textual.color import Color
from textual.theme import BUILTIN_THEMES, Theme

from reader.config import CONFIG_DIR_ENV
from reader.ui.themes import (
    APP_VARIABLES,
    FALLBACK_THEME,
    apply_theme,
    load_theme,
    load_themes,
    register_themes,
    textual_variables,
    theme_commands,
    theme_dirs,
    variable_defaults,
)

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "themes"
CLAIMS = [name for name in APP_VARIABLES if name.startswith("claim-")]
#: Highlight backgrounds and the text drawn on them.
BLOCKS = {
    "selection-background": "selection-foreground",
    "search-match": "search-match-foreground",
    "cursor-cell": "cursor-cell-foreground",
}

MINIMAL = 'name = "{name}"\nprimary = "#336699"\n'


def luminance(color: Color) -> float:
    """WCAG 2 relative luminance."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two opaque colours (1 to 21)."""
    light, dark = sorted((luminance(Color.parse(a)), luminance(Color.parse(b))), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def resolved(theme: Theme) -> dict[str, str]:
    """The variables an app would see with this theme: Textual's, qari's defaults, the theme's own."""
    return {**variable_defaults(theme.dark), **theme.to_color_system().generate(), **theme.variables}


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def test_contrast_helper_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_bundled_themes_load_without_warnings() -> None:
    themes, warnings = load_themes([BUNDLED])
    assert warnings == []
    names = {theme.name for theme in themes}
    assert {"qari-dark", "qari-light", "qari-high-contrast"} <= names
    assert FALLBACK_THEME in names
    for theme in themes:
        assert set(APP_VARIABLES) <= set(theme.variables), theme.name


def test_bundled_folder_and_user_folder_are_searched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CONFIG_DIR_ENV, str(tmp_path))
    assert theme_dirs() == [BUNDLED, tmp_path / "themes"]


def test_user_themes_are_picked_up_and_override_bundled_ones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CONFIG_DIR_ENV, str(tmp_path))
    write(tmp_path / "themes", "mine.toml", MINIMAL.format(name="mine"))
    write(tmp_path / "themes", "dark.toml", MINIMAL.format(name="qari-dark") + "dark = false\n")
    themes, warnings = load_themes(theme_dirs())
    by_name = {theme.name: theme for theme in themes}
    assert warnings == []
    assert by_name["mine"].primary == "#336699"
    assert by_name["qari-dark"].dark is False  # the user's file won
    assert [theme.name for theme in themes].count("qari-dark") == 1


def test_missing_folders_are_skipped(tmp_path: Path) -> None:
    assert load_themes([tmp_path / "nowhere"]) == ([], [])


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ('name = "x"\nprimary = \n', "not valid TOML"),
        ('primary = "#ffffff"\n', "name is missing"),
        ('name = "two words"\nprimary = "#ffffff"\n', "name is"),
        ('name = "x"\n', "primary"),
        ('name = "x"\nprimary = "bluish"\n', "not a colour"),
        ('name = "x"\nprimary = "#fff"\nbackground = 12\n', "not a colour"),
        ('name = "x"\nprimary = "#fff"\ndark = "yes"\n', "dark must be"),
    ],
)
def test_a_bad_file_gives_one_warning_not_an_exception(tmp_path: Path, text: str, why: str) -> None:
    write(tmp_path, "bad.toml", text)
    write(tmp_path, "good.toml", MINIMAL.format(name="good"))
    themes, warnings = load_themes([tmp_path])
    assert [theme.name for theme in themes] == ["good"]
    assert len(warnings) == 1 and why in warnings[0] and "bad.toml" in warnings[0]
    assert "\n" not in warnings[0]


def test_undecodable_file_gives_a_warning(tmp_path: Path) -> None:
    (tmp_path / "latin1.toml").write_bytes(b'name = "caf\xe9"\nprimary = "#fff"\n')
    themes, warnings = load_themes([tmp_path])
    assert themes == [] and len(warnings) == 1 and "UTF-8" in warnings[0]


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ('claim-false = "notacolour"', "not a colour"),
        ('claim-false = "auto 87%"', "not a colour"),  # fine for Textual's, not for qari's colour variables
        ("claim-false = 3", "must be a string"),
        ('block-cursor-background = "shiny"', "not a colour"),
        ('block-cursor-text-style = "sparkly"', "not a text style"),
        ('border = "red; } Screen { display: none"', "not a CSS value"),
        ('claim-flase = "#ff0000"', "unknown variable"),
    ],
)
def test_a_bad_variable_is_dropped_with_a_warning_and_the_theme_kept(tmp_path: Path, line: str, why: str) -> None:
    path = write(
        tmp_path, "t.toml", MINIMAL.format(name="t") + '[variables]\nclaim-supported = "#00ff00"\n' + line + "\n"
    )
    theme, warnings = load_theme(path)
    assert theme is not None and theme.variables == {"claim-supported": "#00ff00"}
    assert len(warnings) == 1 and why in warnings[0]


def test_textual_variable_values_of_every_kind_are_accepted(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "t.toml",
        MINIMAL.format(name="t") + "[variables]\n"
        'block-cursor-foreground = "auto 87%"\nfooter-key-background = "transparent"\n'
        'block-cursor-text-style = "bold not underline"\ninput-selection-background = "#ffffff 40%"\n',
    )
    theme, warnings = load_theme(path)
    assert warnings == [] and theme is not None and len(theme.variables) == 4


def test_unknown_top_level_key_is_reported_but_the_theme_loads(tmp_path: Path) -> None:
    path = write(tmp_path, "t.toml", MINIMAL.format(name="t") + 'author = "me"\n')
    theme, warnings = load_theme(path)
    assert theme is not None and len(warnings) == 1 and "author" in warnings[0]


def test_warnings_carry_no_control_characters(tmp_path: Path) -> None:
    write(tmp_path, "t.toml", 'name = "x"\nprimary = "\\u001b]52;c;ZXZpbA==\\u0007"\n')
    _, warnings = load_themes([tmp_path])
    assert len(warnings) == 1 and "\x1b" not in warnings[0] and "\x07" not in warnings[0]


def test_app_variables_do_not_collide_with_textual_ones() -> None:
    # Textual's generated variables win over app defaults, so a shared name would be silently ignored.
    assert not set(APP_VARIABLES) & textual_variables()


def test_variable_defaults_cover_every_app_variable_and_are_colours() -> None:
    for dark in (True, False):
        defaults = variable_defaults(dark)
        assert set(defaults) == set(APP_VARIABLES)
        for value in defaults.values():
            Color.parse(value)
    variable_defaults(True)["claim-false"] = "changed"
    assert variable_defaults(True)["claim-false"] != "changed"


def _highlight_problems(theme: Theme) -> list[str]:
    """qari's variables that fall short: claim colours 4.5:1 (they colour text), blocks 3:1, text on blocks 4.5:1."""
    v = resolved(theme)
    problems = []
    for page in ("background", "surface"):
        for claim in CLAIMS:
            if (ratio := contrast(v[claim], v[page])) < 4.5:
                problems.append(f"{claim} on {page}: {ratio:.2f}")
        for block in BLOCKS:
            if (ratio := contrast(v[block], v[page])) < 3:
                problems.append(f"{block} against {page}: {ratio:.2f}")
    for block, on_block in BLOCKS.items():
        if (ratio := contrast(v[on_block], v[block])) < 4.5:
            problems.append(f"{on_block} on {block}: {ratio:.2f}")
    return problems


def _text_problems(theme: Theme) -> list[str]:
    """The theme's own text colour against its page, surface and panel (4.5:1)."""
    v = resolved(theme)
    return [
        f"foreground on {place}: {ratio:.2f}"
        for place in ("background", "surface", "panel")
        if (ratio := contrast(v["foreground"], v[place])) < 4.5
    ]


@pytest.mark.parametrize("name", ["qari-dark", "qari-light", "qari-high-contrast"])
def test_bundled_theme_is_readable(name: str) -> None:
    theme, warnings = load_theme(BUNDLED / f"{name}.toml")
    assert theme is not None and warnings == []
    assert _text_problems(theme) + _highlight_problems(theme) == []


def test_high_contrast_theme_is_pure_black_and_white() -> None:
    theme, _ = load_theme(BUNDLED / "qari-high-contrast.toml")
    assert theme is not None
    assert (theme.background, theme.surface, theme.foreground) == ("#000000", "#000000", "#ffffff")
    v = resolved(theme)
    assert min(contrast(v[claim], "#000000") for claim in CLAIMS) >= 7  # WCAG AAA
    assert all(contrast(v[on_block], v[block]) >= 7 for block, on_block in BLOCKS.items())


@pytest.mark.parametrize("name", sorted(name for name in BUILTIN_THEMES if not name.startswith("ansi")))
def test_defaults_are_readable_on_textual_builtin_themes(name: str) -> None:
    assert _highlight_problems(BUILTIN_THEMES[name]) == []


def test_the_readability_check_catches_a_bad_theme() -> None:
    bad = Theme(
        name="bad",
        primary="#888888",
        background="#222222",
        surface="#222222",
        foreground="#444444",
        variables={"claim-false": "#330000", "search-match": "#262626"},
    )
    problems = _text_problems(bad) + _highlight_problems(bad)
    assert any(p.startswith("foreground on background") for p in problems)
    assert any(p.startswith("claim-false on surface") for p in problems)
    assert any(p.startswith("search-match against background") for p in problems)


class ThemedApp(App[None]):
    def get_theme_variable_defaults(self) -> dict[str, str]:
        return variable_defaults(self.current_theme.dark)


def test_register_apply_and_palette_commands_in_an_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CONFIG_DIR_ENV, str(tmp_path))
    write(tmp_path / "themes", "broken.toml", "name = \n")

    async def body() -> None:
        app = ThemedApp()
        async with app.run_test() as pilot:
            warnings = register_themes(app)
            assert len(warnings) == 1 and "broken.toml" in warnings[0]
            assert apply_theme(app, "qari-light") is None
            await pilot.pause()
            assert app.theme == "qari-light" and app.theme_variables["claim-supported"] == "#13652b"
            warning = apply_theme(app, "no-such-theme")
            assert warning is not None and "no-such-theme" in warning
            assert app.theme == FALLBACK_THEME
            app.theme = "textual-light"
            await pilot.pause()
            assert app.theme_variables["claim-supported"] == variable_defaults(False)["claim-supported"]
            commands = {command.title: command for command in theme_commands(app)}
            assert set(commands) == {"theme: qari-dark", "theme: qari-high-contrast", "theme: qari-light"}
            commands["theme: qari-high-contrast"].callback()
            await pilot.pause()
            assert app.theme == "qari-high-contrast"

    asyncio.run(body())
