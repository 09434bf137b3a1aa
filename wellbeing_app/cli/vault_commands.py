"""`init` and `verify`: creating the vault and checking every record in it."""

from __future__ import annotations

import argparse

from wellbeing_app.cli.context import CliContext
from wellbeing_app.errors import IntegrityError, InvalidInput


def cmd_init(ctx: CliContext, _args: argparse.Namespace) -> int:
    from wellbeing_app.vault import Vault, vault_exists

    if ctx.data_dir.exists() and not ctx.data_dir.is_dir():
        raise InvalidInput(
            f"The data folder {ctx.data_dir} is a file, not a folder. Choose another --data-dir."
        )
    if vault_exists(ctx.data_dir):
        raise InvalidInput(f"A vault already exists in {ctx.data_dir}; it was left untouched.")
    vault, recovery_key = Vault.create(ctx.data_dir, ctx.passphrase(confirm=True), clock=ctx.clock)
    vault.lock()
    ctx.out(f"Created your vault in {ctx.data_dir}.")
    ctx.out("")
    ctx.out(f"Recovery key: {recovery_key}")
    ctx.out("")
    ctx.out("Store this recovery key somewhere safe and private, such as a password manager or on paper.")
    ctx.out("It is shown only this once, and it is the only way back in if you forget your passphrase.")
    return 0


def cmd_verify(ctx: CliContext, _args: argparse.Namespace) -> int:
    vault = ctx.open_vault()
    try:
        report = vault.verify()
    finally:
        vault.lock()
    if report.ok:
        ctx.out(report.summary())
        return 0
    for damaged in report.damaged:
        print(f"Damaged: {damaged}", file=ctx.stderr)
    for problem in report.sqlite_problems:
        print(f"Database: {problem}", file=ctx.stderr)
    raise IntegrityError(report.summary() + " Restore the damaged records from a backup or an export.")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    init = subparsers.add_parser(
        "init",
        help="create a new vault and show its recovery key once",
        description="Create a new, empty vault in the data folder, protected by a passphrase you choose, and "
        "show its recovery key once.",
    )
    init.set_defaults(func=cmd_init)
    verify = subparsers.add_parser(
        "verify",
        help="decrypt and check every record and the database",
        description="Decrypt and check every record and the database file, and list any damaged record; "
        "nothing is changed.",
    )
    verify.set_defaults(func=cmd_verify)
