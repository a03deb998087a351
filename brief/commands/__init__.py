"""Subcommands of the `brief` CLI, one module each, registered by brief.cli."""
