"""Annotations: claims, sources, tags and notes anchored to an article's text. No Textual import."""
