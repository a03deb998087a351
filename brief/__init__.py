"""brief: a terminal news-brief reader and summarizer that tells who said what."""

__version__ = "0.1.0"
