"""Report formats. Reporters never lint: they turn results into text."""
