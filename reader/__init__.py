"""qari (قارئ): a terminal reader and annotator for right-to-left news articles."""

__version__ = "0.1.0"
