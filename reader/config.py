"""The user's settings: ``config.toml`` in qari's config folder.

Reading never fails: a missing file gives the defaults, a broken file or a
bad value gives the default for what is broken plus one warning line each,
so a typo in the config can never stop the reader from starting. Writing is
atomic (temp file in the same folder, fsync, ``os.replace``, fsync the
folder): a crash leaves the old file or the new one, never a torn one; it
goes through tomlkit, so the user's comments and other keys are kept.

No Textual import: ``qari doctor`` and the other sub-commands use this too.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from string import Formatter

import tomlkit
import tomlkit.exceptions
from platformdirs import user_config_dir

from .files import atomic_write
from .text.sanitise import printable

#: Set to a folder to use it instead of the platform's config folder (tests, portable setups).
CONFIG_DIR_ENV = "QARI_CONFIG_DIR"
CONFIG_FILE = "config.toml"
#: ``auto``: from the terminal found (reader.terminal); ``app``: qari orders the text; ``terminal``: the terminal does.
BIDI_MODES = ("auto", "app", "terminal")
#: The range ``qari render --width`` accepts too.
WRAP_WIDTH_RANGE = (10, 10_000)


#: The statuses that are a finding, the ones a ClaimReview can rate. ``unverified`` is no finding yet, and
#: ``opinion`` says the claim cannot be checked: neither has a rating to publish.
VERDICTS = ("supported", "disputed", "false")
#: The placeholders ``review_url`` may use: the article's file name without its suffix, and the claim's id.
REVIEW_URL_FIELDS = ("article", "claim")


class ConfigError(Exception):
    """The config file exists but cannot be read as TOML (one-line message)."""


@dataclass(frozen=True, slots=True)
class ClaimReviewSettings:
    """The ``[claimreview]`` table: who publishes the fact checks, where, and the rating of each verdict."""

    author: str = ""
    """The fact-checking organisation's name (the ClaimReview's ``author``); empty: no author."""
    author_url: str = ""
    """Its home page."""
    review_url: str = ""
    """Where each fact check is published, with ``{article}`` and ``{claim}``; empty: no ``url``."""
    worst_rating: int = 1
    best_rating: int = 5
    ratings: tuple[tuple[str, int], ...] = (("false", 1), ("disputed", 3), ("supported", 5))
    """Each verdict's ``ratingValue``, from ``worst_rating`` to ``best_rating``."""

    def rating(self, status: str) -> int | None:
        """The verdict's rating; None for a status that is no verdict."""
        return dict(self.ratings).get(status)


@dataclass(frozen=True, slots=True)
class Config:
    """qari's settings; every field has a default, so an empty file is a valid config."""

    bidi: str = "auto"
    """``app``: qari shapes and orders the text; ``terminal``: the terminal does the bidi; ``auto``: qari
    picks one for the terminal it finds."""
    terminal: str = "auto"
    """The terminal qari runs in, by its name in ``reader.terminal.profiles``; ``auto``: find out."""
    theme: str = "qari-dark"
    """Name of a registered Textual theme (bundled, user or built-in)."""
    wrap_width: int | None = None
    """Wrap articles at this many cells; ``None``: the width of the window."""
    harakat: bool = True
    """Show Arabic vowel marks."""
    annotator: str | None = None
    """Who annotates, as exports name them (W3C ``creator``); ``None``: exports name no one."""
    keys: tuple[tuple[str, str], ...] = ()
    """The ``[keys]`` table: a binding's id → the keys that run it (``"f1"``, ``"ctrl+r,R"``), in file order."""
    claimreview: ClaimReviewSettings = ClaimReviewSettings()
    """The ``[claimreview]`` table, for ``qari export --format claimreview``."""


def config_dir() -> Path:
    """qari's config folder: ``$QARI_CONFIG_DIR`` if set, else the platform's (``~/.config/qari``)."""
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path(user_config_dir("qari", appauthor=False))


def config_path() -> Path:
    """Where the config file lives (it need not exist)."""
    return config_dir() / CONFIG_FILE


def read_table(path: Path) -> dict[str, object]:
    """The file's TOML table; ``{}`` for a missing file; ``ConfigError`` if it cannot be read or parsed."""
    try:
        raw = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return {}
    except OSError as err:
        raise ConfigError(f"{path}: cannot read it ({err.strerror or err})") from None
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: not valid TOML ({err})") from None


def _check_bidi(value: object) -> str | None:
    return value if isinstance(value, str) and value in BIDI_MODES else None


def _check_terminal(value: object) -> str | None:
    # Which names exist is reader.terminal's to say (an unknown one is reported when the reader starts).
    return value if isinstance(value, str) and value.strip() else None


def _check_theme(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _check_wrap_width(value: object) -> int | None:
    low, high = WRAP_WIDTH_RANGE
    # bool is an int in Python; "wrap_width = true" is a mistake, not 1.
    if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
        return value
    return None


def _check_harakat(value: object) -> bool | None:
    return value if isinstance(value, bool) else None


def _check_annotator(value: object) -> str | None:
    # A name as people write it (Arabic included), on one line: it goes into every W3C annotation exported.
    if isinstance(value, str) and value.strip() and value.isprintable() and len(value) <= 200:
        return " ".join(value.split())
    return None


#: key → (validator returning the value or None when bad, what a good value looks like)
_CHECKS = {
    "bidi": (_check_bidi, '"auto", "app" or "terminal"'),
    "terminal": (_check_terminal, '"auto" or the name of a terminal in quotes'),
    "theme": (_check_theme, "a theme name in quotes"),
    "wrap_width": (_check_wrap_width, f"a whole number from {WRAP_WIDTH_RANGE[0]} to {WRAP_WIDTH_RANGE[1]}"),
    "harakat": (_check_harakat, "true or false"),
    "annotator": (_check_annotator, "your name in quotes, on one line"),
}


def _show(value: object) -> str:
    """A config value in a warning: short, one line, no control characters."""
    return printable(repr(value), limit=40)


def _keymap(value: object) -> tuple[tuple[tuple[str, str], ...], list[str]]:
    """The ``[keys]`` table's entries that are ``id = "keys"``, and one problem line per other entry."""
    if not isinstance(value, dict):
        return (), [f'keys must be a table ([keys] with lines like app.help = "f1"), not {_show(value)}; ignored']
    good: list[tuple[str, str]] = []
    problems: list[str] = []
    for binding, keys in value.items():
        if isinstance(keys, str) and keys.strip() and not any(ord(ch) < 0x20 for ch in keys):
            good.append((binding, keys.strip()))
        else:
            problems.append(
                f'keys: {_show(binding)} must be keys in quotes ("f1", "ctrl+r,R"), not {_show(keys)}; ignored'
            )
    return tuple(good), problems


def _web_address(value: object) -> bool:
    return (
        isinstance(value, str)
        and value.startswith(("https://", "http://"))
        and value.isprintable()
        and " " not in value
    )


def _review_url(value: object) -> bool:
    """An http(s) address whose only placeholders are ``{article}`` and ``{claim}``."""
    if not _web_address(value):
        return False
    try:
        names = [name for _, name, _, _ in Formatter().parse(str(value)) if name is not None]
    except ValueError:  # a lone { or }
        return False
    return all(name in REVIEW_URL_FIELDS for name in names)


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _name(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip()) and value.isprintable()


_TEXTS = {
    "author": (_name, "a name in quotes"),
    "author_url": (_web_address, 'an address in quotes ("https://…")'),
    "review_url": (_review_url, 'an address in quotes, with {article} and {claim} ("https://…/{article}/{claim}")'),
}


def claimreview_settings(value: object) -> tuple[ClaimReviewSettings, list[str]]:
    """The ``[claimreview]`` table's settings, and one problem line for each value that is bad (its default kept)."""
    defaults = ClaimReviewSettings()
    if not isinstance(value, dict):
        return defaults, [
            f"claimreview must be a table ([claimreview] with lines like false = 1), not {_show(value)}; ignored"
        ]
    problems: list[str] = []
    texts: dict[str, str] = {}
    for key in (key for key in value if key not in {*_TEXTS, "worst_rating", "best_rating", *VERDICTS}):
        why = "not a verdict, so never in a ClaimReview" if key in ("unverified", "opinion") else "unknown setting"
        problems.append(f"claimreview: {_show(key)}: {why}; ignored")
    for key, (check, wanted) in _TEXTS.items():
        if key in value:
            if check(value[key]):
                texts[key] = value[key].strip()
            else:
                problems.append(f"claimreview: {key} must be {wanted}, not {_show(value[key])}; ignored")
    worst, best = value.get("worst_rating", defaults.worst_rating), value.get("best_rating", defaults.best_rating)
    if not (_whole(worst) and _whole(best) and worst < best):
        problems.append(
            f"claimreview: worst_rating and best_rating must be whole numbers, the worst below the best, not "
            f"{_show(worst)} and {_show(best)}; using 1 to 5"
        )
        worst, best = defaults.worst_rating, defaults.best_rating
    ratings: list[tuple[str, int]] = []
    for status, default in defaults.ratings:
        default = min(max(default, worst), best)
        rating = value.get(status, default)
        if not (_whole(rating) and worst <= rating <= best):
            problems.append(
                f"claimreview: {status} must be a whole number from {worst} to {best}, not {_show(rating)}; "
                f"using {default}"
            )
            rating = default
        ratings.append((status, rating))
    return ClaimReviewSettings(**texts, worst_rating=worst, best_rating=best, ratings=tuple(ratings)), problems


def load_claimreview(path: Path | None = None) -> tuple[ClaimReviewSettings, list[str]]:
    """Only the ``[claimreview]`` table of the config at ``path``, and one warning line per problem with it.

    For ``qari export``, which has no use for the other settings and should not warn about them.
    """
    path = config_path() if path is None else path
    try:
        table = read_table(path)
    except ConfigError as err:
        return ClaimReviewSettings(), [f"{err}; using the default [claimreview] settings"]
    settings, problems = claimreview_settings(table.get("claimreview", {}))
    return settings, [f"{path}: {problem}" for problem in problems]


def load_config(path: Path | None = None) -> tuple[Config, list[str]]:
    """The config at ``path`` (default: ``config_path()``) and one warning line per problem.

    Never raises: an unreadable or invalid file gives the defaults and a
    warning; a bad or unknown key gives its default and a warning.
    """
    path = config_path() if path is None else path
    try:
        table = read_table(path)
    except ConfigError as err:
        return Config(), [f"{err}; using the defaults"]
    defaults = Config()
    values: dict[str, object] = {}
    warnings: list[str] = []
    for key, value in table.items():
        if key == "keys":
            values["keys"], bad = _keymap(value)
            warnings.extend(f"{path}: {problem}" for problem in bad)
            continue
        if key == "claimreview":
            values["claimreview"], bad = claimreview_settings(value)
            warnings.extend(f"{path}: {problem}" for problem in bad)
            continue
        if key not in _CHECKS:
            warnings.append(f"{path}: unknown setting {_show(key)} ignored")
            continue
        check, wanted = _CHECKS[key]
        good = check(value)
        if good is None:
            default = getattr(defaults, key)
            shown = {"wrap_width": "the window's width", "annotator": "no name"}.get(key) if default is None else None
            shown = shown or _show(default)
            warnings.append(f"{path}: {key} must be {wanted}, not {_show(value)}; using {shown}")
            continue
        values[key] = good
    return Config(**values), warnings  # type: ignore[arg-type]


_NEW_FILE_COMMENT = "qari settings. Edit freely: qari keeps your comments and keys when it saves a setting."


def to_toml(config: Config, existing: str = "") -> str:
    """``existing`` (a config file's text) with ``config``'s settings in it, its comments and other keys kept.

    tomlkit edits the document in place, so what a user wrote by hand (notes,
    spacing, keys of a newer qari) survives qari saving a theme or a bidi
    choice; a key whose value is unchanged is not touched. ``wrap_width =
    None`` removes the key (TOML has no null).
    An ``existing`` text that is not valid TOML is replaced.
    """
    try:
        document = tomlkit.parse(existing) if existing.strip() else None
    except tomlkit.exceptions.TOMLKitError:
        document = None
    if document is None:
        document = tomlkit.document()
        document.add(tomlkit.comment(_NEW_FILE_COMMENT))
    for field in fields(Config):
        if field.name in ("keys", "claimreview"):
            continue  # the user's own tables: qari reads them and never rewrites them
        value = getattr(config, field.name)
        if value is None:
            document.pop(field.name, None)
        elif document.get(field.name) != value:
            document[field.name] = value
    return tomlkit.dumps(document)


def save_config(config: Config, path: Path | None = None) -> Path:
    """Write ``config`` atomically to ``path`` (default: ``config_path()``), creating the folder.

    Returns the path written. Raises ``OSError`` if the folder cannot be
    created or written; the previous file, if any, is then left as it was.
    """
    path = config_path() if path is None else path
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    try:
        existing = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        existing = ""
    atomic_write(path, to_toml(config, existing).encode("utf-8"))
    return path
