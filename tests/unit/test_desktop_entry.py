"""Freedesktop entries for the menu and for starting with the session, written for the current user only."""

from __future__ import annotations

from pathlib import Path

from wellbeing_app import desktop_entry


def test_menu_entry_and_icon_go_under_xdg_data_home(tmp_path: Path) -> None:
    environ = {"XDG_DATA_HOME": str(tmp_path / "data"), "HOME": str(tmp_path)}
    entry, icon = desktop_entry.install_desktop_entry(environ)
    assert entry == tmp_path / "data" / "applications" / "wellbeing-app.desktop"
    text = entry.read_text(encoding="utf-8")
    assert text.startswith("[Desktop Entry]\nType=Application\n")
    assert "Name=Wellbeing Check-in\n" in text and f"Icon={icon}\n" in text and "Exec=" in text
    assert icon.read_text(encoding="utf-8").lstrip().startswith("<")


def test_autostart_is_written_and_removed_on_request(tmp_path: Path) -> None:
    environ = {"XDG_CONFIG_HOME": str(tmp_path / "config"), "HOME": str(tmp_path)}
    assert not desktop_entry.autostart_enabled(environ)
    path = desktop_entry.set_autostart(True, environ)
    assert path == tmp_path / "config" / "autostart" / "wellbeing-app.desktop"
    assert desktop_entry.autostart_enabled(environ) and "X-GNOME-Autostart-enabled=true" in path.read_text()
    desktop_entry.set_autostart(False, environ)
    assert not desktop_entry.autostart_enabled(environ)


def test_without_xdg_variables_the_home_folder_is_used(tmp_path: Path) -> None:
    environ = {"HOME": str(tmp_path)}
    assert (
        desktop_entry.autostart_path(environ) == tmp_path / ".config" / "autostart" / "wellbeing-app.desktop"
    )
    assert desktop_entry.applications_path(environ).parent == tmp_path / ".local" / "share" / "applications"
