"""Fixtures of the grammar tests: LanguageTool stand-ins on 127.0.0.1 (see lt_stub.py)."""

from lt_stub import (  # noqa: F401 (pytest finds fixtures by name here)
    _fresh_grammar_caches,
    _no_ambient_languagetool,
    fixture_dir,
    garbage_server,
    languagetool,
    refused_url,
    silent_server,
)
