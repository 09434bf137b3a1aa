"""One window per data folder: a second claim hands over to the first, a stale socket never blocks a start."""

from __future__ import annotations

import os
import socket
import stat
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ui.single_instance import MAX_SOCKET_PATH, SingleInstance, server_name


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "vault"


def test_a_second_launch_asks_the_first_to_come_forward(qtbot: QtBot, folder: Path) -> None:
    first = SingleInstance(folder)
    assert first.claim()
    second = SingleInstance(folder)
    with qtbot.waitSignal(first.activation_requested, timeout=5_000):
        assert not second.claim()
    assert not second.listening
    first.release()


def test_the_socket_is_in_the_data_folder_and_for_this_user_only(folder: Path) -> None:
    instance = SingleInstance(folder)
    assert instance.claim()
    path = Path(instance.name)
    assert path.parent == folder.resolve()
    mode = path.stat().st_mode
    assert stat.S_ISSOCK(mode)
    assert mode & 0o077 == 0
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    instance.release()


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="Unix sockets only")
def test_a_socket_left_by_a_crash_does_not_block_the_next_start(folder: Path) -> None:
    folder.mkdir(mode=0o700)
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(server_name(folder))
    stale.close()  # the file stays, as after a crash, and nothing listens on it
    assert Path(server_name(folder)).exists()
    instance = SingleInstance(folder)
    assert instance.claim()
    assert instance.listening
    instance.release()


def test_after_the_first_app_closes_the_next_one_starts(folder: Path) -> None:
    first = SingleInstance(folder)
    assert first.claim()
    first.release()
    second = SingleInstance(folder)
    assert second.claim()
    assert second.listening
    second.release()


def test_each_data_folder_has_its_own_window(tmp_path: Path) -> None:
    work, home = SingleInstance(tmp_path / "work"), SingleInstance(tmp_path / "home")
    assert work.claim()
    assert home.claim()
    work.release()
    home.release()


def test_a_folder_too_deep_for_a_socket_path_still_gets_one_window(qtbot: QtBot, tmp_path: Path) -> None:
    deep = tmp_path / ("a-rather-long-folder-name-" * 5) / "vault"
    name = server_name(deep)
    assert not os.path.isabs(name)
    assert len(str(deep / "window.socket")) > MAX_SOCKET_PATH
    first = SingleInstance(deep)
    assert first.claim()
    with qtbot.waitSignal(first.activation_requested, timeout=5_000):
        assert not SingleInstance(deep).claim()
    first.release()


def test_a_folder_that_cannot_be_made_does_not_stop_the_app(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    instance = SingleInstance(blocked / "vault")
    assert instance.claim()
    assert not instance.listening
