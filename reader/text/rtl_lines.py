"""The visual strings of all the lines of a right-to-left paragraph at once, in a few whole-string calls.

Reordering line by line (``ParagraphLayout.visual_text``) costs a dozen
Python-level steps per line, which was most of a full layout's time. For the
commonest paragraph of Arabic news it can be done for the whole paragraph at
once: its base level is 1 and every level is 1 or 2 (Arabic at 1, numbers
and Latin words at 2). L2 for one line is then "reverse the line, then put
each level-2 run back the right way round". So the lines are joined with a
newline (which no display string holds) and reversed together, and each
level-2 run is taken back from the joined logical string; reversing the
joined string also reversed the order of the lines, which the final split
undoes.

L3 (a letter's marks stay after it) is done before reversing: each cluster
(a character and the marks and hidden characters after it) is reversed in
place, word by word through a cache (``clusters_reversed``), so that the
big reversal turns it back. That is exact when no level-2 run starts or
ends inside a cluster, which ``ParagraphLayout`` makes sure of (no format
characters, every mark of class NSM: W1 then gives a mark the level of what
it follows). ``tests/test_rtl_lines.py`` holds this path to the
line-by-line one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .cells import HIDDEN
from .display import known_display_word
from .memo import WordMemo
from .patterns import patterns_for


def _reversed_cluster(m: re.Match[str]) -> str:
    return m.group()[::-1]


def _reverse_clusters(word: str) -> str:
    # Only clusters of more than one character change (a call each): most words have none.
    return patterns_for(word).marked_cluster.sub(_reversed_cluster, word)


_CLUSTERS_REVERSED = WordMemo(_reverse_clusters)


def _reversed_display_words(harakat: bool) -> WordMemo:
    return WordMemo(lambda word: _reverse_clusters(known_display_word(word, harakat)))


#: A word of the text → its display form with each cluster reversed, for paragraphs built word by word.
_REVERSED_DISPLAY_WORDS = {True: _reversed_display_words(True), False: _reversed_display_words(False)}


def clusters_reversed(display: str, words: list[str] | None = None, harakat: bool = True) -> str:
    """``display`` with every cluster (a character and what draws nothing after it) reversed in place.

    Same length, and a cluster keeps its place, so any range that starts
    and ends between clusters holds the same clusters. Clusters never cross
    a space unless a word starts with a mark, which the caller rules out.
    ``words``: the text's words, when ``display`` was built from them
    (``display.display_string``), so that it need not be split again.
    """
    if words is None:
        return _CLUSTERS_REVERSED.each_word(display)
    return " ".join(map(_REVERSED_DISPLAY_WORDS[harakat].__getitem__, words))


def clear_cache() -> None:
    """Forget the words seen (for benchmarks that measure a cold start)."""
    _CLUSTERS_REVERSED.clear()
    for memo in _REVERSED_DISPLAY_WORDS.values():
        memo.clear()


def rtl_visual_lines(
    display: str, reversed_clusters: str | None, line_levels: Sequence[str] | None, spans: Sequence[tuple[int, int]]
) -> list[str]:
    """Visual strings of the lines ``spans`` (logical ``(start, draw_end)``) of a right-to-left paragraph.

    ``display`` is the paragraph's display string, already mirrored where
    L4 asks; ``reversed_clusters`` is ``clusters_reversed(display)`` when it
    holds combining marks, else None. ``line_levels`` are each line's levels
    after L1 (1 and 2 only), or None when every level is 1. No cluster may
    straddle a level-2 run's edge or a line's start.
    """
    logical = "\n".join([display[start:end] for start, end in spans])
    if reversed_clusters is None:
        visual = logical[::-1]
    else:
        visual = "\n".join([reversed_clusters[start:end] for start, end in spans])[::-1]
    if line_levels is not None:
        # The joined levels line up with the joined text: a level-1 separator stands for each newline, so
        # that no level-2 run goes on from one line to the next. Runs are found with str.find (memchr):
        # a regular expression scans a string of levels several times slower.
        levels = "\x01".join(line_levels)[::-1]
        find = levels.find
        n = len(visual)
        parts: list[str] = []
        last = 0
        a = find("\x02")
        while a >= 0:
            b = find("\x01", a)
            if b < 0:
                b = n
            parts.append(visual[last:a])
            parts.append(logical[n - b : n - a])  # a level-2 run reads in logical order, marks after letters
            last = b
            a = find("\x02", b)
        parts.append(visual[last:])
        visual = "".join(parts)
    lines = visual.replace(HIDDEN, "").split("\n")
    lines.reverse()
    return lines
