"""The PySide6 desktop front end. ``create_window(data_dir)`` builds the top-level window."""

from ui.main_window import create_window

__all__ = ["create_window"]
