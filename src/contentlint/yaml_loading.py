"""``yaml.safe_load``, by libyaml's C parser where it is allowed: several times faster than
PyYAML's pure-Python parser, and the same values (both feed one Python constructor).

When the C parser fails, the text is parsed again by the pure-Python one, so a problem is
reported in PyYAML's own words (it names the line and shows it).
"""

from __future__ import annotations

from typing import Any


def safe_load(text: str, *, c_parser: bool = True) -> Any:
    """The value of the YAML document ``text``; ``c_parser=False`` uses the pure-Python parser only."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", None)
    if loader is not None and c_parser:
        try:
            return yaml.load(text, Loader=loader)
        except Exception:  # parsed again below, which reports the problem
            pass
    return yaml.safe_load(text)
