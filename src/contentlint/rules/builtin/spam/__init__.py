"""Spam insertions: what content farms and hacked pages splice into health articles."""
