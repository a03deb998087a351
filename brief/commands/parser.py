"""brief's argument parser: argparse that also keeps brief's own table of what was declared.

Every command, action and option is declared once, by ``add_parser`` / ``add_argument`` on a
``Parser``; each parser records its declarations in a ``Declared`` table, which `brief
completion` reads (argparse keeps its own only in private attributes).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class OptionSpec:
    """One option as declared: its spellings, help, whether it takes a value, its choices."""

    strings: tuple[str, ...]  # "-f", "--format"
    help: str
    takes_value: bool
    choices: tuple[str, ...]


@dataclass
class Declared:
    """What one parser declares: sub-commands (name -> help and table), positional values
    offered as choices (SHELL), and options, in the order they were declared."""

    commands: dict[str, tuple[str, Declared]] = field(default_factory=dict)
    values: list[str] = field(default_factory=list)
    options: list[OptionSpec] = field(default_factory=list)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose declarations are also kept in ``self.declared``."""

    def __init__(self, **kwargs: Any) -> None:
        # The table exists before argparse's own __init__ declares -h/--help through it.
        self.declared = Declared()
        super().__init__(**kwargs)
        parents: Sequence[argparse.ArgumentParser] = kwargs.get("parents", ())
        for parent in parents:  # argparse copies a parent's actions without add_argument
            if isinstance(parent, Parser):
                self.declared.values += parent.declared.values
                self.declared.options += parent.declared.options

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        """argparse's add_argument, recorded (options hidden from --help are left out)."""
        return self._record(super().add_argument(*args, **kwargs))

    def add_argument_group(self, *args: Any, **kwargs: Any) -> Any:
        """argparse's add_argument_group, whose arguments are recorded here."""
        return self._recording(super().add_argument_group(*args, **kwargs))

    def add_mutually_exclusive_group(self, **kwargs: Any) -> Any:
        """argparse's add_mutually_exclusive_group, whose arguments are recorded here."""
        return self._recording(super().add_mutually_exclusive_group(**kwargs))

    def _recording(self, group: Any) -> Any:
        # A group adds its arguments to this parser without this parser's add_argument.
        add = group.add_argument

        def add_argument(*args: Any, **kwargs: Any) -> argparse.Action:
            return self._record(add(*args, **kwargs))

        group.add_argument = add_argument
        return group

    def _record(self, action: argparse.Action) -> argparse.Action:
        choices = tuple(str(c) for c in action.choices or ())
        if not action.option_strings:
            self.declared.values += choices
        elif action.help != argparse.SUPPRESS:
            spec = OptionSpec(
                tuple(action.option_strings), action.help or "", action.nargs != 0, choices
            )
            self.declared.options.append(spec)
        return action

    def add_subparsers(self, **kwargs: Any) -> Any:
        """argparse's add_subparsers, whose add_parser records each command and its help."""
        kwargs.setdefault("parser_class", type(self))
        action = super().add_subparsers(**kwargs)
        add = action.add_parser

        def add_parser(name: str, **options: Any) -> Parser:
            child = add(name, **options)
            self.declared.commands[name] = (options.get("help") or "", child.declared)
            return child  # type: ignore[no-any-return]

        action.add_parser = add_parser  # type: ignore[method-assign]
        return action
