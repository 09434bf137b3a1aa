"""Window preferences (geometry, auto-lock minutes, crisis-line country), kept beside the vault.

Nothing here is user content; the file is private to the user like everything in the data folder.
"""

from __future__ import annotations

from pathlib import Path

from ui.qt import QByteArray, QSettings

DEFAULT_AUTOLOCK_MINUTES = 10
THEMES = ("system", "light", "dark")
TEXT_SIZES = (100, 115, 130, 150)
"""Text size as a percentage of the system's font size."""


class Preferences:
    def __init__(self, data_dir: Path) -> None:
        self._data_dir = data_dir
        self._settings: QSettings | None = None

    def _store(self) -> QSettings | None:
        if self._settings is None:
            if not self._data_dir.is_dir():
                return None
            path = self._data_dir / "window.ini"
            self._settings = QSettings(str(path), QSettings.Format.IniFormat)
        return self._settings

    def _get(self, key: str, default: object) -> object:
        store = self._store()
        return store.value(key, default) if store else default

    def _set(self, key: str, value: object) -> None:
        store = self._store()
        if store is None:
            return
        store.setValue(key, value)
        store.sync()
        path = self._data_dir / "window.ini"
        if path.exists():
            path.chmod(0o600)

    @property
    def autolock_minutes(self) -> int:
        try:
            return max(1, int(str(self._get("autolock/minutes", DEFAULT_AUTOLOCK_MINUTES))))
        except ValueError:
            return DEFAULT_AUTOLOCK_MINUTES

    @autolock_minutes.setter
    def autolock_minutes(self, minutes: int) -> None:
        self._set("autolock/minutes", int(minutes))

    @property
    def crisis_country(self) -> str | None:
        value = self._get("crisis/country", "")
        return str(value) or None

    @crisis_country.setter
    def crisis_country(self, code: str) -> None:
        self._set("crisis/country", code)

    @property
    def theme(self) -> str:
        value = str(self._get("appearance/theme", "system"))
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self._set("appearance/theme", value if value in THEMES else "system")

    @property
    def text_percent(self) -> int:
        try:
            value = int(str(self._get("appearance/text_percent", 100)))
        except ValueError:
            return 100
        return value if value in TEXT_SIZES else 100

    @text_percent.setter
    def text_percent(self, value: int) -> None:
        self._set("appearance/text_percent", value if value in TEXT_SIZES else 100)

    def geometry(self) -> QByteArray | None:
        value = self._get("window/geometry", None)
        return value if isinstance(value, QByteArray) else None

    def save_geometry(self, geometry: QByteArray) -> None:
        self._set("window/geometry", geometry)
