"""What each terminal does with right-to-left text, and what qari does there.

Terminals fall into four kinds, each measured on screen (docs/terminals.md):

- no bidi of their own (xterm, urxvt, st, alacritty, foot, …): they draw
  cells as they come, so qari sends each row in visual order;
- bidi that the program can switch off: VTE and mintty with ``CSI 8 l``
  (the terminal working group's BDSM), Konsole with a profile change through
  ``OSC 50``, mlterm through its configuration protocol ``OSC 5379``;
- bidi that can't be switched from the program but reorders in a known way
  (kitty shapes each run of cells with HarfBuzz; qterminal draws fragments
  with Qt's text layout): qari sends rows arranged so that the terminal's
  reordering gives the visual order back (``reader.terminal.cells``);
- bidi that can't be switched at all (macOS Terminal): qari sends text in
  logical order and lets the terminal do the bidi.

Every switch has its way back, sent on every way out (``reader.terminal.mode``).
"""

from __future__ import annotations

from dataclasses import dataclass

#: Bidi-mode reset and set (BDSM, ECMA-48 mode 8): "the application did the bidi" and "the terminal does".
EXPLICIT_BIDI = "\x1b[8l"
IMPLICIT_BIDI = "\x1b[8h"
#: Konsole applies ``OSC 50 ; Key=Value`` to the current tab's profile (what its konsoleprofile script sends).
KONSOLE_BIDI_OFF = "\x1b]50;BidiRenderingEnabled=false\x07"
KONSOLE_BIDI_ON = "\x1b]50;BidiRenderingEnabled=true\x07"
#: mlterm's configuration protocol: ``OSC 5379 ; key=value``; ``use_ctl`` is its complex-text (bidi) layout.
MLTERM_BIDI_OFF = "\x1b]5379;use_ctl=false\x07"
MLTERM_BIDI_ON = "\x1b]5379;use_ctl=true\x07"

#: How qari arranges the cells of a row for a terminal: the names of ``reader.terminal.cells`` rules,
#: plus "visual" (as xterm shows them) and "logical" (text as written: the terminal does the bidi).
VISUAL = "visual"
LOGICAL = "logical"


@dataclass(frozen=True, slots=True)
class Terminal:
    """One terminal (or family of terminals sharing an engine) and how qari draws there."""

    name: str
    """The id used by ``--terminal`` and the config's ``terminal`` key."""
    label: str
    """What users call it."""
    reorders: bool = False
    """It runs a bidi algorithm of its own on what it is sent, by default."""
    switch_off: str = EXPLICIT_BIDI
    """Sent when qari starts: the terminal's own bidi off (``CSI 8 l`` is ignored where unknown)."""
    switch_on: str = IMPLICIT_BIDI
    """Sent on every way out: the terminal's bidi as it was."""
    cells: str = VISUAL
    """How rows are sent: ``visual``, ``logical``, or a rule of ``reader.terminal.cells``."""
    advice: str = ""
    """The one setting that makes the terminal draw qari's rows as they come, for when nothing else can."""
    unswitched: str = ""
    """The cell rule for when the switch can't reach the terminal (inside tmux without passthrough)."""
    caveat: str = ""
    """What the cell rule can't put right, said once with the advice."""


def _plain(name: str, label: str) -> Terminal:
    return Terminal(name, label)


PROFILES: dict[str, Terminal] = {
    terminal.name: terminal
    for terminal in (
        _plain("xterm", "xterm"),
        _plain("urxvt", "rxvt-unicode"),
        _plain("st", "st"),
        _plain("alacritty", "Alacritty"),
        _plain("foot", "foot"),
        _plain("wezterm", "WezTerm"),
        _plain("ghostty", "Ghostty"),
        _plain("iterm2", "iTerm2"),
        _plain("vscode", "VS Code's terminal"),
        _plain("windows-terminal", "Windows Terminal"),
        _plain("linux", "the Linux console"),
        Terminal("vte", "VTE (GNOME Terminal, xfce4-terminal, Tilix…)", reorders=True, unswitched="line"),
        Terminal("mintty", "mintty", reorders=True),
        Terminal(
            "konsole",
            "Konsole",
            reorders=True,
            switch_off=KONSOLE_BIDI_OFF,
            switch_on=KONSOLE_BIDI_ON,
            unswitched="line",
        ),
        Terminal("mlterm", "mlterm", reorders=True, switch_off=MLTERM_BIDI_OFF, switch_on=MLTERM_BIDI_ON),
        Terminal(
            "kitty",
            "kitty",
            reorders=True,
            switch_off="",
            switch_on="",
            cells="kitty",
            advice="put 'force_ltr yes' in kitty.conf",
            caveat="Arabic vowel marks (harakat) may sit off their letters (h hides them)",
        ),
        Terminal(
            "qterminal",
            "qterminal",
            reorders=True,
            switch_off="",
            switch_on="",
            cells="qt",
            caveat="harakat are not drawn and a number beside Arabic may land on its other side",
            advice="untick 'Enable bidirectional text support' in qterminal's settings (enabledBidiSupport=false)",
        ),
        Terminal("apple-terminal", "macOS Terminal", reorders=True, switch_off="", switch_on="", cells=LOGICAL),
        Terminal("unknown", "an unknown terminal"),
    )
}
UNKNOWN = PROFILES["unknown"]
#: Names ``--terminal`` and the config accept: every profile, and ``auto`` (find out).
TERMINAL_NAMES = ("auto", *PROFILES)


def profile(name: str) -> Terminal:
    """The profile called ``name``; the unknown terminal's for a name qari does not know."""
    return PROFILES.get(name, UNKNOWN)
