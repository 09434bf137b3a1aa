"""Appearance: the light and dark palettes, the stylesheet, and the text size, applied to the whole app.

``apply_appearance`` may be called again whenever the theme or text size changes; it starts from the font
and palette the system gave the app, so repeated calls never compound.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from resources import resource_path
from ui.qt import QApplication, QColor, QFont, QPalette, Qt

ACCENT = QColor(59, 127, 122)
ACCENT_ON_DARK = QColor(102, 194, 184)
REFERENCE_POINT_SIZE = 10.0
"""The body size the stylesheet's point sizes were drawn against; larger system fonts scale them up."""

_BASE_FONT = "wellbeing_base_font"
_BASE_PALETTE = "wellbeing_base_palette"
_FOLLOWING = "wellbeing_following_system"
_FONT_SIZE = re.compile(r"font-size:\s*([0-9.]+)pt")
_SCALED_PX = re.compile(r"([0-9.]+)px\s*/\*scaled\*/")


@dataclass(frozen=True)
class Colours:
    """The colours of one theme, by role; the contrast test reads the same values."""

    window: str
    window_text: str
    base: str
    alternate_base: str
    text: str
    button: str
    button_text: str
    placeholder: str
    highlight: str
    highlighted_text: str
    link: str
    tooltip_base: str
    tooltip_text: str
    mid: str
    disabled_text: str


LIGHT = Colours(
    window="#f4f6f5",
    window_text="#1f2928",
    base="#ffffff",
    alternate_base="#eef3f2",
    text="#1f2928",
    button="#fbfcfc",
    button_text="#1f2928",
    placeholder="#5c6867",
    highlight=ACCENT.name(),
    highlighted_text="#ffffff",
    link="#2f6b66",
    tooltip_base="#ffffff",
    tooltip_text="#1f2928",
    mid="#7a8584",
    disabled_text="#6f7a79",
)

DARK = Colours(
    window="#1c2122",
    window_text="#e3e8e7",
    base="#252b2c",
    alternate_base="#2c3334",
    text="#e3e8e7",
    button="#2c3334",
    button_text="#e3e8e7",
    placeholder="#a3adac",
    highlight=ACCENT_ON_DARK.name(),
    highlighted_text="#0f1d1b",
    link="#7fd0c6",
    tooltip_base="#2c3334",
    tooltip_text="#e3e8e7",
    mid="#7a8685",
    disabled_text="#8d9897",
)


def palette_for(colours: Colours) -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    roles = {
        role.Window: colours.window,
        role.WindowText: colours.window_text,
        role.Base: colours.base,
        role.AlternateBase: colours.alternate_base,
        role.Text: colours.text,
        role.Button: colours.button,
        role.ButtonText: colours.button_text,
        role.PlaceholderText: colours.placeholder,
        role.Highlight: colours.highlight,
        role.HighlightedText: colours.highlighted_text,
        role.Link: colours.link,
        role.LinkVisited: colours.link,
        role.ToolTipBase: colours.tooltip_base,
        role.ToolTipText: colours.tooltip_text,
        role.BrightText: colours.base,
        role.Light: colours.base,
        role.Midlight: colours.alternate_base,
        role.Mid: colours.mid,
        role.Dark: colours.mid,
        role.Shadow: "#000000",
        role.Accent: colours.highlight,
    }
    for colour_role, value in roles.items():
        palette.setColor(colour_role, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for colour_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(disabled, colour_role, QColor(colours.disabled_text))
    return palette


def system_is_dark(app: QApplication) -> bool | None:
    """True or False where the platform says (Qt 6.5+), None where it does not know."""
    scheme = app.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    return None


def effective_colours(app: QApplication, theme: str) -> Colours | None:
    """The palette a theme stands for; None for "system" on a platform that does not say light or dark."""
    if theme == "light":
        return LIGHT
    if theme == "dark":
        return DARK
    dark = system_is_dark(app)
    return None if dark is None else (DARK if dark else LIGHT)


def scaled_stylesheet(qss: str, factor: float) -> str:
    """The stylesheet with every point size, and each pixel size marked ``/*scaled*/``, multiplied, so
    headings and check boxes grow with the body text."""
    qss = _FONT_SIZE.sub(lambda m: f"font-size: {float(m.group(1)) * factor:.1f}pt", qss)
    return _SCALED_PX.sub(lambda m: f"{round(float(m.group(1)) * factor)}px", qss)


def apply_appearance(app: QApplication, theme: str, text_percent: int) -> None:
    """Apply a theme ("system", "light" or "dark") and a text size (percent of the system's) to the app."""
    base_font = app.property(_BASE_FONT)
    if not isinstance(base_font, QFont):
        base_font = QFont(app.font())
        app.setProperty(_BASE_FONT, base_font)
        app.setProperty(_BASE_PALETTE, QPalette(app.palette()))
    base_palette = app.property(_BASE_PALETTE)
    assert isinstance(base_palette, QPalette)

    colours = effective_colours(app, theme)
    if colours is not None:
        app.setPalette(palette_for(colours))
    else:
        palette = QPalette(base_palette)
        for role in (QPalette.ColorRole.Highlight, QPalette.ColorRole.Accent):
            palette.setColor(role, ACCENT)
        palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
        palette.setColor(QPalette.ColorRole.Link, QColor(LIGHT.link))
        app.setPalette(palette)

    factor = max(50, min(text_percent, 300)) / 100
    font = QFont(base_font)
    system_points = base_font.pointSizeF() if base_font.pointSizeF() > 0 else REFERENCE_POINT_SIZE
    font.setPointSizeF(system_points * factor)
    app.setFont(font)
    qss_path = resource_path("styles", "app.qss")
    qss = qss_path.read_text(encoding="utf-8") if qss_path.exists() else ""
    tick = resource_path("icons", "check-dark.svg" if colours is DARK else "check-light.svg")
    qss += f"\nQCheckBox::indicator:checked {{ image: url({tick.as_posix()}); }}\n"
    app.setStyleSheet(scaled_stylesheet(qss, factor * max(1.0, system_points / REFERENCE_POINT_SIZE)))
    _follow_system(app, theme, text_percent)


def _follow_system(app: QApplication, theme: str, text_percent: int) -> None:
    """While the theme is "system", a change of the platform's light/dark setting is applied at once."""
    app.setProperty(_FOLLOWING, f"{theme}:{text_percent}")
    if app.property("wellbeing_scheme_watched"):
        return
    app.setProperty("wellbeing_scheme_watched", True)

    def scheme_changed(_scheme: object) -> None:
        theme_now, _, percent = str(app.property(_FOLLOWING)).partition(":")
        if theme_now == "system":
            apply_appearance(app, theme_now, int(percent or 100))

    app.styleHints().colorSchemeChanged.connect(scheme_changed)
