"""Themes and text size: explicit palettes, a size that follows the system's, and calls that never compound."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from ui.theme import DARK, LIGHT, apply_appearance, scaled_stylesheet


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    """Put the application's look back as the other tests expect it."""
    font, palette, sheet = qapp.font(), qapp.palette(), qapp.styleSheet()
    yield qapp
    qapp.setFont(font)
    qapp.setPalette(palette)
    qapp.setStyleSheet(sheet)


def test_light_and_dark_are_explicit_palettes(app: QApplication) -> None:
    apply_appearance(app, "dark", 100)
    assert app.palette().color(QPalette.ColorRole.Window).name() == DARK.window
    assert app.palette().color(QPalette.ColorRole.Highlight).name() == DARK.highlight
    apply_appearance(app, "light", 100)
    assert app.palette().color(QPalette.ColorRole.Base).name() == LIGHT.base
    assert app.palette().color(QPalette.ColorRole.Highlight).name() == "#3b7f7a"


def test_system_theme_keeps_the_platform_colours_with_the_accent(app: QApplication) -> None:
    apply_appearance(app, "light", 100)
    apply_appearance(app, "system", 100)
    scheme = app.styleHints().colorScheme().name
    window = app.palette().color(QPalette.ColorRole.Window).name()
    if scheme == "Unknown":
        assert window not in (LIGHT.window, DARK.window)
    assert app.palette().color(QPalette.ColorRole.Highlight).name() in ("#3b7f7a", DARK.highlight)


def test_text_size_scales_from_the_system_size_without_compounding(app: QApplication) -> None:
    apply_appearance(app, "light", 100)
    normal = app.font().pointSizeF()
    apply_appearance(app, "light", 150)
    apply_appearance(app, "light", 150)
    assert app.font().pointSizeF() == pytest.approx(normal * 1.5)
    assert "font-size: 24.0pt" in app.styleSheet()  # the 16pt page headings
    apply_appearance(app, "light", 100)
    assert app.font().pointSizeF() == pytest.approx(normal)


def test_stylesheet_point_sizes_scale() -> None:
    assert scaled_stylesheet("a { font-size: 16pt; } b { font-size: 9.5pt; }", 1.5) == (
        "a { font-size: 24.0pt; } b { font-size: 14.2pt; }"
    )
