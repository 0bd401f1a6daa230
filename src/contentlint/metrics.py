"""Per-article metrics shown in reports (words, sentences, reading grades)."""

from __future__ import annotations

from contentlint.document import Article


def basic_metrics(article: Article) -> dict[str, float]:
    words = len(article.words)
    sentences = len(article.sentences)
    return {
        "words": float(words),
        "sentences": float(sentences),
        "average_sentence_length": round(words / sentences, 2) if sentences else 0.0,
    }
