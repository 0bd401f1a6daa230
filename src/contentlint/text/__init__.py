"""Text helpers shared by rules: sentences, words, and context (negation, quotation, citation)."""
