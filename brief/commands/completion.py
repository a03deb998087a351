"""`brief completion bash|zsh|fish`: a shell completion script, generated from the CLI's parser.

    eval "$(brief completion bash)"                          # in ~/.bashrc
    eval "$(brief completion zsh)"                           # in ~/.zshrc
    brief completion fish > ~/.config/fish/completions/brief.fish

Commands, actions (feeds add, list…), options and their choices are read from the table the
CLI's parser keeps of its declarations (brief.commands.parser), so the scripts never fall
behind the CLI; paths complete as files.
"""

from __future__ import annotations

import argparse
import shlex
from dataclasses import dataclass, field
from typing import Any

from brief.commands.parser import Declared, Parser

SHELLS = ("bash", "zsh", "fish")


@dataclass
class Level:
    """What can follow one command path ("", "feeds", "feeds add"): commands and options."""

    commands: dict[str, str] = field(default_factory=dict)  # name -> help
    values: list[str] = field(default_factory=list)  # choices of a positional (SHELL)
    options: list[str] = field(default_factory=list)
    takes_value: list[str] = field(default_factory=list)
    choices: dict[str, list[str]] = field(default_factory=dict)  # option -> its values
    helps: dict[str, str] = field(default_factory=dict)  # option -> help


def register(sub: Any, root: Parser) -> None:
    """Add the completion command; ``root`` is the whole CLI, which the scripts describe."""
    p = sub.add_parser(
        "completion",
        help="print a shell completion script (bash, zsh or fish)",
        description='Print the completion script for SHELL. bash: eval "$(brief completion '
        'bash)" in ~/.bashrc; zsh: eval "$(brief completion zsh)" in ~/.zshrc; fish: brief '
        "completion fish > ~/.config/fish/completions/brief.fish",
    )
    p.add_argument("shell", metavar="SHELL", choices=SHELLS, help="bash, zsh or fish")
    p.set_defaults(run=lambda args: run(args, root))


def run(args: argparse.Namespace, root: Parser) -> int:
    """Print the script for the shell."""
    levels = describe(root.declared)
    script = {"bash": bash, "zsh": zsh, "fish": fish}[args.shell](levels)
    print(script, end="")
    return 0


def describe(declared: Declared, path: str = "") -> dict[str, Level]:
    """Every command path of the CLI's declarations with what may follow it."""
    level = Level(values=list(declared.values))
    levels = {path: level}
    for name, (text, child) in declared.commands.items():
        level.commands[name] = text
        levels.update(describe(child, f"{path} {name}".strip()))
    for option in declared.options:
        level.options += option.strings
        for spelling in option.strings:
            level.helps[spelling] = option.help
            if option.takes_value:
                level.takes_value.append(spelling)
                if option.choices:
                    level.choices[spelling] = list(option.choices)
    return levels


def _words(values: list[str]) -> str:
    return shlex.quote(" ".join(values))


def bash(levels: dict[str, Level]) -> str:
    """A bash completion function: commands, options, option values, files otherwise."""
    value_options = sorted({o for level in levels.values() for o in level.takes_value})
    cases, choice_cases, steps = [], [], []
    for path, level in levels.items():
        words = list(level.commands) + level.values + level.options
        cases.append(f"        {shlex.quote(path)}) words={_words(words)} ;;")
        for option, values in level.choices.items():
            key = shlex.quote(f"{path}|{option}")
            choice_cases.append(f"        {key}) words={_words(values)} ;;")
        steps += [shlex.quote(f"{path}|{name}") for name in level.commands]
    return _BASH.format(
        value_options="|".join(value_options) or "--",
        steps="|".join(steps),
        choices="\n".join(choice_cases),
        cases="\n".join(cases),
    )


_BASH = """\
# brief completion for bash: eval "$(brief completion bash)"
_brief() {{
    local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD-1]}}
    local path="" skip="" word i words=""
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${{COMP_WORDS[i]}}
        if [[ -n $skip ]]; then skip=""; continue; fi
        case $word in
            {value_options}) skip=1 ;;
            -*) ;;
            *)
                case "$path|$word" in
                    {steps}) path="${{path:+$path }}$word" ;;
                esac ;;
        esac
    done
    case "$path|$prev" in
{choices}
        *)
            case $prev in
                {value_options}) COMPREPLY=(); return ;;
            esac
            case $path in
{cases}
            esac ;;
    esac
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
}}
complete -o default -F _brief brief
"""


def zsh(levels: dict[str, Level]) -> str:
    """zsh runs the bash function through bashcompinit (part of zsh)."""
    return (
        '# brief completion for zsh: eval "$(brief completion zsh)"\n'
        "autoload -U +X compinit && compinit\n"
        "autoload -U +X bashcompinit && bashcompinit\n" + bash(levels)
    )


def fish(levels: dict[str, Level]) -> str:
    """fish `complete` lines: each command after its parent path, options after their command."""
    out = ["# brief completion for fish: brief completion fish > ~/.config/fish/completions/"]
    out.append("complete -c brief -f")
    for path, level in levels.items():
        names = path.split()
        after = _fish_condition(names, list(level.commands))
        for name, text in level.commands.items():
            name_and_help = f"-a {shlex.quote(name)} -d {shlex.quote(text)}"
            out.append(f"complete -c brief -n {shlex.quote(after)} {name_and_help}")
        if level.values:
            values = shlex.quote(" ".join(level.values))
            where = shlex.quote(_fish_condition(names, []))
            out.append(f"complete -c brief -n {where} -a {values}")
        seen = _fish_condition(names, [])
        for option in level.options:
            flag = f"-l {option[2:]}" if option.startswith("--") else f"-s {option[1:]}"
            value = ""
            if option in level.choices:
                value = f" -x -a {shlex.quote(' '.join(level.choices[option]))}"
            elif option in level.takes_value:
                value = " -r -F"
            text = shlex.quote(level.helps.get(option, ""))
            out.append(f"complete -c brief -n {shlex.quote(seen)} {flag}{value} -d {text}")
    return "\n".join(out) + "\n"


def _fish_condition(names: list[str], children: list[str]) -> str:
    """True in fish when the command line is at ``names`` (and none of ``children`` yet)."""
    if not names:
        return "__fish_use_subcommand"
    parts = [f"__fish_seen_subcommand_from {n}" for n in names]
    if children:
        parts.append(f"not __fish_seen_subcommand_from {' '.join(children)}")
    return "; and ".join(parts)
