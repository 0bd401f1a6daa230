"""Readability: reading grade, long sentences, undefined acronyms (jargon is the YAML pack ``readability-jargon``)."""
