"""The user's keymap: ``[keys]`` in config.toml rebinds any of qari's keys by the binding's id.

Every binding in qari has an id (``reader.claim``, ``library.sort``…), as
posting and Textual's own keymap support expect; ``App.set_keymap`` then
moves a binding to other keys without touching the code. The ids are the
ones declared in ``reader.ui``'s classes, so a typo in the file is reported
(one warning line) instead of silently doing nothing.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Sequence
from typing import Any

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode

__all__ = ["apply_keymap", "binding_ids", "bindings_by_id"]


def _subclasses(root: type) -> Iterator[type]:
    sub: type
    for sub in root.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def _import_every_ui_module() -> None:
    """Some screens are imported only when first opened (statistics): load them all to see their bindings."""
    import pkgutil

    from .. import ui

    for module in pkgutil.iter_modules(ui.__path__, "reader.ui."):
        importlib.import_module(module.name)


def bindings_by_id() -> dict[str, Binding]:
    """Every binding with an id that qari's own classes (``reader.ui…``) declare, by id."""
    _import_every_ui_module()
    found: dict[str, Binding] = {}
    for cls in {*_subclasses(DOMNode)}:
        if not cls.__module__.startswith("reader.ui"):
            continue
        for binding in cls.__dict__.get("BINDINGS", ()):
            if isinstance(binding, Binding) and binding.id:
                found.setdefault(binding.id, binding)
    return found


def binding_ids() -> frozenset[str]:
    """The ids a ``[keys]`` table may use."""
    return frozenset(bindings_by_id())


def apply_keymap(app: App[Any], keys: Sequence[tuple[str, str]]) -> list[str]:
    """Rebind ``app``'s keys from the config's ``[keys]`` entries; one warning line per unknown id."""
    known = binding_ids()
    keymap = {binding: value for binding, value in keys if binding in known}
    problems = [
        f"keys: no binding with the id {binding!r} (the ids are listed in docs/cli.md); ignored"
        for binding, _ in keys
        if binding not in known
    ]
    if keymap:
        app.set_keymap(keymap)
    return problems
