"""Attribution rules: sources, authorship and currency (HONcode, the JAMA benchmarks)."""
