"""Claims: unsupported and dangerous health claims (cures, guarantees, safety absolutes, evidence
and statistics without a source, weight-loss red flags), read in context."""
