"""What ``verify`` found: how many records were read, which are damaged, and what SQLite itself says."""

from __future__ import annotations

from dataclasses import dataclass, field

from wellbeing_app.errors import DamagedRecord


@dataclass
class VerifyReport:
    records_checked: int
    damaged: list[DamagedRecord] = field(default_factory=list)
    sqlite_problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.damaged and not self.sqlite_problems

    def summary(self) -> str:
        if self.ok:
            return f"Vault OK: {self.records_checked} records decrypted and checked; database integrity ok."
        parts = []
        if self.damaged:
            parts.append(f"{len(self.damaged)} of {self.records_checked} records are damaged")
        if self.sqlite_problems:
            parts.append("the database reports damage")
        return "; ".join(parts).capitalize() + ". The rest of the vault is readable."
