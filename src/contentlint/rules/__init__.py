"""Rules: the registry, the YAML engines and the built-in rule modules."""
