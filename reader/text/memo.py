"""A per-word memo that a whole paragraph goes through in one ``map`` call.

Shaping and the cluster reversal of ``rtl_lines`` work word by word, and a
news article has far fewer distinct words than words (a 2 MB one: ~1,500
distinct among ~190,000). ``" ".join(map(memo.__getitem__, text.split(" ")))``
looks every word up from C; only a word not seen before calls Python.
"""

from __future__ import annotations

from collections.abc import Callable


class WordMemo(dict[str, str]):
    """Word → ``compute(word)``, computed on first use; forgets everything once it holds ``limit`` words."""

    def __init__(self, compute: Callable[[str], str], limit: int = 200_000) -> None:
        super().__init__()
        self._compute = compute
        self._limit = limit

    def __missing__(self, word: str) -> str:
        if len(self) >= self._limit:
            self.clear()
        value = self._compute(word)
        self[word] = value
        return value

    def each_word(self, text: str) -> str:
        """``text`` with each space-separated word replaced by its value."""
        return " ".join(map(self.__getitem__, text.split(" ")))
