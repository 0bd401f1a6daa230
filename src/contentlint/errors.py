"""Errors that stop a run, each with a message an editor can act on (never a traceback)."""

from __future__ import annotations


class ContentlintError(Exception):
    """Base of every error contentlint reports as 'could not run' (exit status 2)."""


class ConfigError(ContentlintError):
    """A configuration file or option is wrong; the message names the file and key."""


class RulePackError(ContentlintError):
    """A YAML rule pack or a plugin is malformed; the message names the file and key."""
