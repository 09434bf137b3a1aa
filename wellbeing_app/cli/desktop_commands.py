"""`install-desktop-entry`: the app in the desktop's menu, for the current user (Linux and the BSDs)."""

from __future__ import annotations

import argparse

from wellbeing_app.cli.context import CliContext
from wellbeing_app.errors import InvalidInput


def cmd_install_desktop_entry(ctx: CliContext, _args: argparse.Namespace) -> int:
    from wellbeing_app import desktop_entry

    if not desktop_entry.supported():
        raise InvalidInput(
            "Menu entries are written for Linux desktops; on Windows and macOS the README says how to add the "
            "app to the Start menu or the Dock.",
            field="platform",
        )
    try:
        entry, icon = desktop_entry.install_desktop_entry(ctx.environ)
    except OSError as error:
        raise InvalidInput(
            f"The menu entry could not be written ({error.strerror}).", field="entry"
        ) from None
    ctx.out(f"Added Wellbeing Check-in to your applications menu: {entry} (icon {icon}).")
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    install = subparsers.add_parser(
        "install-desktop-entry",
        help="add the app to your desktop's applications menu (this user only)",
        description="Writes a freedesktop menu entry and the app's icon under your own data folder "
        "(XDG_DATA_HOME), so the app appears in the desktop's menu like other apps. No administrator rights.",
    )
    install.set_defaults(func=cmd_install_desktop_entry)
