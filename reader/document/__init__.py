"""The document model behind the article view, free of Textual and Rich.

``Document`` (``model.py``) is an article laid out for a view of some width,
with a cursor, a selection and highlights; ``rows.py`` keeps the visual rows
and the maps between rows, cells and offsets; ``moves.py`` says where the
cursor keys lead; ``selection.py`` holds the cursor and the selection;
``highlights.py`` finds the claims, suggestions and matches on a row;
``cells.py`` says which highlights cover which cells of a line. The view
(``ArticleView``, ``reader/ui/article_*.py``) only turns events into calls and
rows into strips.
"""

from .cells import CURSOR, cell_runs, cell_strings, covers_whole_line
from .highlights import LONG_CLAIM, ClaimIndex, Mark, Search, SpanIndex, layers, marks_on
from .model import Document
from .moves import Side, line_target, page_rows, word_target
from .rows import FIRST_SCREEN_LINES, WORKER_CHUNK, RestOfLayout, Rows, Settings
from .selection import Caret, selection_between

__all__ = [
    "CURSOR",
    "FIRST_SCREEN_LINES",
    "LONG_CLAIM",
    "WORKER_CHUNK",
    "Caret",
    "ClaimIndex",
    "Document",
    "Mark",
    "RestOfLayout",
    "Rows",
    "Search",
    "Settings",
    "Side",
    "SpanIndex",
    "cell_runs",
    "cell_strings",
    "covers_whole_line",
    "layers",
    "line_target",
    "marks_on",
    "page_rows",
    "selection_between",
    "word_target",
]
