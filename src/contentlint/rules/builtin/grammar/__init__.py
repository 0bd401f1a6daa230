"""Grammar and spelling rules backed by LanguageTool."""
