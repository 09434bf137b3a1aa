"""The typed ORM schema. Plaintext columns are only what queries need; see docs/security.md."""

from __future__ import annotations

from sqlalchemy import Boolean, Index, LargeBinary, String, Text, false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class VaultMeta(Base):
    """Key wrapping and Argon2id parameters: no user content, needed before the key exists."""

    __tablename__ = "vault_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Record(Base):
    """Every piece of user content, sealed in ``payload`` with its kind and id in the associated data.

    ``changed_at`` (UTC, ISO 8601 with microseconds) and ``device_id`` say which change is newer when two copies
    of a record meet (an import, a backup, a future sync); ``deleted`` marks a deletion whose content is erased.
    All three are bound into the payload's associated data.
    """

    __tablename__ = "records"
    __table_args__ = (
        Index("ix_records_kind_day", "kind", "day"),
        Index("ix_records_changed_at", "changed_at"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    day: Mapped[str | None] = mapped_column(String(10), nullable=True)
    payload: Mapped[bytes] = mapped_column(LargeBinary)
    changed_at: Mapped[str] = mapped_column(String(32), default="", server_default="")
    device_id: Mapped[str] = mapped_column(String(36), default="", server_default="")
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
