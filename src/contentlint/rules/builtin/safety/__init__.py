"""Safety rules: what a responsible health article must say about risks, crises and advice."""
