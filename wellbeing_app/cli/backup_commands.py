"""`backup`, `backup list`, `restore`, `passwd`, `recover` and `salvage`: nothing lost, from the command line."""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path
from typing import TYPE_CHECKING

from wellbeing_app.cli.context import CliContext
from wellbeing_app.errors import AuthenticationFailed, InvalidInput
from wellbeing_app.passphrase import validate_new_passphrase
from wellbeing_app.vault_header import vault_file_exists as vault_exists

if TYPE_CHECKING:
    from wellbeing_app.vault import Vault

ENV_NEW_PASSPHRASE = "WELLBEING_NEW_PASSPHRASE"
ENV_RECOVERY_KEY = "WELLBEING_RECOVERY_KEY"


def _human_size(size: int) -> str:
    if size < 1000:
        return f"{size} bytes"
    scaled = size / 1000
    for unit in ("KB", "MB"):
        if scaled < 1000:
            return f"{scaled:.1f} {unit}"
        scaled /= 1000
    return f"{scaled:.1f} GB"


def _secret(ctx: CliContext, env: str, prompt: str, what: str) -> str:
    if ctx.environ.get(env):
        return ctx.environ[env]
    if not ctx.is_terminal():
        raise AuthenticationFailed(f"No {what} given: run this in a terminal to be asked, or set {env}.")
    return getpass.getpass(prompt)


def new_passphrase(ctx: CliContext) -> str:
    """From WELLBEING_NEW_PASSPHRASE, else asked twice; checked before anything is unlocked."""
    if ctx.environ.get(ENV_NEW_PASSPHRASE):
        passphrase = ctx.environ[ENV_NEW_PASSPHRASE]
        validate_new_passphrase(passphrase)
        return passphrase
    first = _secret(ctx, ENV_NEW_PASSPHRASE, "New passphrase: ", "new passphrase")
    validate_new_passphrase(first, getpass.getpass("New passphrase again: "))
    return first


def cmd_backup(ctx: CliContext, args: argparse.Namespace) -> int:
    from wellbeing_app.backup import write_backup

    if args.action == "list":
        return _list(ctx)
    vault = ctx.open_vault()
    try:
        out = Path(args.out).expanduser() if args.out else None
        made = write_backup(ctx.data_dir, ctx.clock.now(), out)
    finally:
        vault.lock()
    ctx.out(f"Backed up to {made}.")
    ctx.out("It is encrypted: it opens with the passphrase or the recovery key you have now.")
    return 0


def _list(ctx: CliContext) -> int:
    from wellbeing_app.backup import list_backups

    backups = list_backups(ctx.data_dir)
    if not backups:
        ctx.out(
            "No backups yet. 'wellbeing-app backup' makes one now; the app also makes one a day by itself."
        )
        return 0
    for info in backups:
        when = f"{info.made_at:%Y-%m-%d %H:%M}" if info.made_at else "unknown time"
        ctx.out(f"{when}  {info.kind:<18} {_human_size(info.size):>9}  {info.path}")
    return 0


def cmd_restore(ctx: CliContext, args: argparse.Namespace) -> int:
    from wellbeing_app.restore import restore_backup
    from wellbeing_app.vault import Vault

    backup = Path(args.file).expanduser()

    def open_staged(folder: Path) -> Vault:
        if ctx.environ.get(ENV_RECOVERY_KEY):
            return Vault.open_with_recovery_key(folder, ctx.environ[ENV_RECOVERY_KEY], clock=ctx.clock)
        return Vault.open_with_passphrase(folder, ctx.passphrase(), clock=ctx.clock)

    report = restore_backup(backup, ctx.data_dir, open_staged, ctx.clock.now(), replace=args.replace)
    ctx.out(f"Restored {report.records} records into {ctx.data_dir}; every one was checked first.")
    if report.replaced_kept_at is not None:
        ctx.out(f"The vault it replaced is kept at {report.replaced_kept_at}.")
    ctx.out("It opens with the passphrase (or recovery key) the backup was made with.")
    return 0


def cmd_passwd(ctx: CliContext, _args: argparse.Namespace) -> int:
    vault = ctx.open_vault()
    try:
        passphrase = new_passphrase(ctx)
        vault.change_passphrase(passphrase)
    finally:
        vault.lock()
    ctx.out("Your passphrase has been changed. Your recovery key still works.")
    return 0


def cmd_recover(ctx: CliContext, _args: argparse.Namespace) -> int:
    from wellbeing_app.vault import Vault

    if not vault_exists(ctx.data_dir):
        Vault.open_with_passphrase(
            ctx.data_dir, "", clock=ctx.clock
        )  # says there is no vault, and how to make one
    recovery_key = _secret(ctx, ENV_RECOVERY_KEY, "Recovery key: ", "recovery key")
    vault = Vault.open_with_recovery_key(ctx.data_dir, recovery_key, clock=ctx.clock)
    vault.after_lock.append(ctx.automatic_backup)
    try:
        vault.change_passphrase(new_passphrase(ctx))
    finally:
        vault.lock()
    ctx.out("Your vault is open again with the new passphrase. Your recovery key still works.")
    return 0


def cmd_salvage(ctx: CliContext, args: argparse.Namespace) -> int:
    from wellbeing_app.crypto.recovery import parse_recovery_key
    from wellbeing_app.salvage import salvage
    from wellbeing_app.vault_keys import key_from_passphrase, key_from_recovery

    out = Path(args.out).expanduser()
    if vault_exists(out):
        raise InvalidInput(f"A vault already exists in {out}; choose an empty folder for --out.", field="out")

    def find_key(meta: dict[str, str]) -> bytes:
        if ctx.environ.get(ENV_RECOVERY_KEY):
            return key_from_recovery(meta, parse_recovery_key(ctx.environ[ENV_RECOVERY_KEY]))
        return key_from_passphrase(meta, ctx.passphrase())

    report = salvage(ctx.data_dir, out, find_key)
    for line in report.lines():
        ctx.out(line)
    ctx.out(f"The new vault is in {out}; it opens with the same passphrase and recovery key.")
    ctx.out(
        "Check it with 'wellbeing-app --data-dir "
        + str(out)
        + " verify'. The damaged vault was left as it was."
    )
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    backup = subparsers.add_parser(
        "backup", help="write an encrypted backup now ('backup list' shows the backups kept)"
    )
    backup.add_argument("action", nargs="?", choices=["list"], help="list the backups in the data folder")
    backup.add_argument(
        "--out", metavar="FILE", help="where to write it (default: the backups folder); never overwrites"
    )
    backup.set_defaults(func=cmd_backup)
    restore = subparsers.add_parser("restore", help="check a backup completely, then restore it")
    restore.add_argument("file", metavar="FILE", help="the backup file")
    restore.add_argument(
        "--replace", action="store_true", help="replace the vault here (it is kept as a backup first)"
    )
    restore.set_defaults(func=cmd_restore)
    passwd = subparsers.add_parser("passwd", help=f"change the passphrase ({ENV_NEW_PASSPHRASE} for scripts)")
    passwd.set_defaults(func=cmd_passwd)
    recover = subparsers.add_parser(
        "recover", help=f"unlock with the recovery key ({ENV_RECOVERY_KEY}) and set a new passphrase"
    )
    recover.set_defaults(func=cmd_recover)
    rescue = subparsers.add_parser(
        "salvage", help="copy every record that still reads from a damaged vault into a new vault"
    )
    rescue.add_argument("--out", metavar="NEW_DIR", required=True, help="an empty folder for the new vault")
    rescue.set_defaults(func=cmd_salvage)
