"""brief's terminal interface (Textual): feeds, articles as briefs, speakers, search.

The only package that imports Textual; ``create_app`` in brief.tui.app builds the app for the
CLI and the tests alike.
"""
