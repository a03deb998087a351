"""The TUI's screens: main (feeds, articles, brief), speakers, search, filter, article, help."""
