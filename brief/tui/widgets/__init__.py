"""The TUI's widgets: the feed list, the article table, the brief view and the status bar."""
