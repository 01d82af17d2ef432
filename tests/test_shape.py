"""The code keeps its shape: modules stay small, every binding can be remapped and is documented."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 400
GENERATED = {"reader/text/_tables.py"}  # Unicode tables written by python -m reader.text.unidata


def test_no_module_is_over_400_lines() -> None:
    long = {}
    for path in sorted((ROOT / "reader").rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        lines = path.read_text(encoding="utf-8").count("\n")
        if name not in GENERATED and lines > MAX_LINES:
            long[name] = lines
    assert long == {}


def test_every_binding_has_an_id_and_the_keymap_docs_list_each_with_its_keys() -> None:
    import ast

    import reader.ui.app  # noqa: F401  (imports every screen and widget)
    from reader.ui.keymap import bindings_by_id

    without_id = []
    for path in sorted((ROOT / "reader" / "ui").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Binding":
                if not any(keyword.arg == "id" for keyword in node.keywords):
                    without_id.append(f"{path.name}:{node.lineno}")
    assert without_id == []
    docs = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    missing = [ident for ident, binding in bindings_by_id().items() if f"| `{ident}` | `{binding.key}` |" not in docs]
    assert missing == []
