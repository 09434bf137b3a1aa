"""The README's command list and `--help` describe the same commands with the same options (issue 11).

Every command and action the parser knows is listed in the README and nothing else is; every option a README
line shows exists, and every option of the command is shown unless the line ends its options with "[...]".
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from wellbeing_app.cli.main import build_parser

README = Path(__file__).parents[3] / "README.md"
GLOBAL_OPTIONS = {"-h", "--help", "--data-dir"}


def readme_lines() -> list[str]:
    text = README.read_text(encoding="utf-8")
    block = text.split("## Command line", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    lines: list[str] = []
    for raw in block.splitlines():
        code = raw.split("  #", 1)[0].rstrip()
        if code.startswith("wellbeing-app"):
            lines.append(code)
        elif code.strip() and lines:  # a continuation line
            lines[-1] += " " + code.strip()
    return lines


def readme_commands() -> dict[tuple[str, ...], tuple[set[str], bool]]:
    """Command path → (options shown, whether "[...]" stands for more)."""
    commands: dict[tuple[str, ...], tuple[set[str], bool]] = {}
    for line in readme_lines():
        words = line.split()[1:]
        path = tuple(word for word in _leading_words(words))
        options = set(re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", line))
        earlier, more = commands.get(path, (set(), False))
        commands[path] = (earlier | (options - GLOBAL_OPTIONS), more or "[...]" in line)
    return commands


def _leading_words(words: list[str]) -> list[str]:
    leading: list[str] = []
    for word in words:
        if not re.fullmatch(r"[a-z][a-z0-9-]*", word):
            break
        leading.append(word)
    return leading


def parser_commands() -> dict[tuple[str, ...], tuple[set[str], bool]]:
    """Command path → (its options, whether the README must show them all).

    A word that is one of a positional argument's choices (`backup list`) counts as a command of its own,
    whose line need not repeat the options of the command it belongs to.
    """
    found: dict[tuple[str, ...], tuple[set[str], bool]] = {}

    def walk(parser: argparse.ArgumentParser, path: tuple[str, ...]) -> None:
        options = {flag for action in parser._actions for flag in action.option_strings} - GLOBAL_OPTIONS
        children = [action for action in parser._actions if isinstance(action, argparse._SubParsersAction)]
        if not children or not any(action.required for action in children):
            found[path] = (options, True)
        for action in parser._actions:
            if not action.option_strings and action.choices and action not in children:
                for word in action.choices:
                    found[(*path, str(word))] = (options, False)
        for action in children:
            for name, child in action.choices.items():
                walk(child, (*path, name))

    walk(build_parser(), ())
    return found


def test_the_readme_lists_exactly_the_commands_of_help() -> None:
    assert sorted(readme_commands()) == sorted(parser_commands())


def test_the_readme_shows_exactly_the_options_of_each_command() -> None:
    known = parser_commands()
    for path, (shown, more) in readme_commands().items():
        options, complete = known[path]
        assert shown <= options, (
            f"{' '.join(path)}: the README shows {sorted(shown - options)}, not in --help"
        )
        if complete and not more:
            assert options <= shown, f"{' '.join(path)}: the README leaves out {sorted(options - shown)}"
