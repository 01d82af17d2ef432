"""A paragraph's display string: what the terminal is sent for each code point, in logical order.

Arabic letters take their presentation forms (``shaping``), a lam-alef's
alef becomes HIDDEN, control characters become visible symbols and format
characters HIDDEN (``cells.DISPLAY``), and harakat become HIDDEN when the
reader hides them. The string keeps the text's length, so offset *i* of the
text is offset *i* of the display string.

The usual paragraph (Arabic, no control or format character) is built word
by word through a memo, as shaping is: all of that happens once per
distinct word. Its words are kept, so that ``rtl_lines`` can look its own
per-word forms up without splitting the text again.
"""

from __future__ import annotations

from .cells import DISPLAY, HIDDEN
from .memo import WordMemo
from .shaping import LIGATURE_TAIL, NEEDS_SHAPING_RE, shape, shape_word
from .shaping import clear_cache as clear_shaping_cache

#: Arabic vowel marks and Quranic annotation marks, hidden when the reader turns harakat off (h).
HARAKAT = dict.fromkeys(
    [
        *range(0x064B, 0x0660),
        0x0670,
        *range(0x0610, 0x061B),
        *range(0x06D6, 0x06DD),
        *range(0x06DF, 0x06E9),
        *range(0x06EA, 0x06EE),
    ],
    HIDDEN,
)


def display_word(word: str, harakat: bool) -> str:
    """The display form of one word with no control or format character."""
    shown = shape_word(word).replace(LIGATURE_TAIL, HIDDEN) if NEEDS_SHAPING_RE.search(word) else word
    return shown if harakat else shown.translate(HARAKAT)


def _display_words(harakat: bool) -> WordMemo:
    return WordMemo(lambda word: display_word(word, harakat))


_DISPLAY_WORDS = {True: _display_words(True), False: _display_words(False)}


def known_display_word(word: str, harakat: bool) -> str:
    """``display_word`` through the memo that ``display_string`` fills."""
    return _DISPLAY_WORDS[harakat][word]


def display_string(text: str, bidi_app: bool, harakat: bool, unsafe: bool) -> tuple[str, list[str] | None]:
    """The display string of a paragraph, and its words when it was built word by word.

    ``bidi_app``: shape (in ``--bidi terminal`` mode the terminal does).
    ``unsafe``: the text holds control or format characters.
    """
    if bidi_app and not unsafe and NEEDS_SHAPING_RE.search(text):
        words = text.split(" ")
        return " ".join(map(_DISPLAY_WORDS[harakat].__getitem__, words)), words
    display = shape(text) if bidi_app else text
    if unsafe:
        display = display.translate(DISPLAY)  # controls become visible, tails and format characters HIDDEN
    elif display is not text:
        display = display.replace(LIGATURE_TAIL, HIDDEN)
    if not harakat:
        display = display.translate(HARAKAT)
    return display, None


def clear_caches() -> None:
    """Forget the words seen (for benchmarks that measure a cold start)."""
    clear_shaping_cache()
    for memo in _DISPLAY_WORDS.values():
        memo.clear()
