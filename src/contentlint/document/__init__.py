"""Readers that turn Markdown, HTML and plain-text files into the :class:`Article` model."""

from __future__ import annotations

from contentlint.document.model import (
    Article,
    Block,
    BlockKind,
    Comment,
    DocumentKind,
    Link,
    Sentence,
    Word,
)

EXTENSIONS: dict[str, DocumentKind] = {
    ".md": "md",
    ".markdown": "md",
    ".txt": "txt",
    ".html": "html",
    ".htm": "html",
}


def kind_for_path(path: str) -> DocumentKind | None:
    """The document kind for a file name, or None when contentlint does not read it."""
    lowered = path.lower()
    for extension, kind in EXTENSIONS.items():
        if lowered.endswith(extension):
            return kind
    return None


def parse(source: str, kind: DocumentKind, path: str | None = None) -> Article:
    """Parse decoded ``source`` of the given kind into an :class:`Article`.

    A leading byte-order mark is dropped first; offsets and columns count from after it.
    """
    if source.startswith("\ufeff"):
        source = source[1:]
    if kind == "md":
        from contentlint.document.markdown import parse_markdown

        return parse_markdown(source, path)
    if kind == "html":
        from contentlint.document.html import parse_html

        return parse_html(source, path)
    from contentlint.document.plaintext import parse_plaintext

    return parse_plaintext(source, path)


__all__ = [
    "EXTENSIONS",
    "Article",
    "Block",
    "BlockKind",
    "Comment",
    "DocumentKind",
    "Link",
    "Sentence",
    "Word",
    "kind_for_path",
    "parse",
]
