"""Built-in Python rules, one module a rule, grouped by family."""
