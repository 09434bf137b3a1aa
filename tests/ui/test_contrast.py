"""WCAG 2.1 AA contrast of the colours the light and dark themes and the stylesheet put together.

Text needs 4.5:1 (normal size); control borders, focus indicators and filled controls need 3:1 against
what surrounds them (1.4.11). Translucent tints of the stylesheet are composited over the palette first.
"""

from __future__ import annotations

import re

import pytest

from resources import resource_path
from ui.theme import DARK, LIGHT, Colours

TEXT = 4.5
NON_TEXT = 3.0
QSS = resource_path("styles", "app.qss").read_text(encoding="utf-8")
RGBA = re.compile(r"background:\s*rgba\((\d+),\s*(\d+),\s*(\d+),\s*([0-9.]+)\)")


def rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def luminance(colour: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def over(tint: tuple[int, int, int, float], background: tuple[int, int, int]) -> tuple[float, float, float]:
    *colour, alpha = tint
    r, g, b = (alpha * c + (1 - alpha) * under for c, under in zip(colour, background, strict=True))
    return r, g, b


def test_the_formula_matches_known_ratios() -> None:
    assert ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert ratio((118, 118, 118), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)  # the classic #767676


def text_pairs(c: Colours) -> dict[str, tuple[str, str]]:
    return {
        "text on the window": (c.window_text, c.window),
        "text in fields and cards": (c.text, c.base),
        "text on alternate rows": (c.text, c.alternate_base),
        "button text": (c.button_text, c.button),
        "secondary text on the window": (c.placeholder, c.window),
        "secondary text in cards and fields": (c.placeholder, c.base),
        "secondary text on buttons (disabled primary)": (c.placeholder, c.button),
        "primary buttons, selections, chosen chips": (c.highlighted_text, c.highlight),
        "accent text (scale values) in cards": (c.link, c.base),
        "accent text on the window": (c.link, c.window),
        "tooltips": (c.tooltip_text, c.tooltip_base),
    }


def non_text_pairs(c: Colours) -> dict[str, tuple[str, str]]:
    return {
        "field and button borders in cards": (c.mid, c.base),
        "field and button borders on the window": (c.mid, c.window),
        "button borders on the button": (c.mid, c.button),
        "accent borders, handles and primary buttons in cards": (c.highlight, c.base),
        "accent borders, handles and primary buttons on the window": (c.highlight, c.window),
        "focus ring around buttons on the window": (c.window_text, c.window),
        "focus ring around buttons in cards": (c.window_text, c.base),
        "focus ring inside buttons": (c.window_text, c.button),
    }


THEMES = {"light": LIGHT, "dark": DARK}


@pytest.mark.parametrize("theme", THEMES)
def test_text_contrast(theme: str) -> None:
    colours = THEMES[theme]
    low = {
        name: round(ratio(rgb(fg), rgb(bg)), 2)
        for name, (fg, bg) in text_pairs(colours).items()
        if ratio(rgb(fg), rgb(bg)) < TEXT
    }
    assert low == {}


@pytest.mark.parametrize("theme", THEMES)
def test_borders_and_focus_contrast(theme: str) -> None:
    colours = THEMES[theme]
    low = {
        name: round(ratio(rgb(fg), rgb(bg)), 2)
        for name, (fg, bg) in non_text_pairs(colours).items()
        if ratio(rgb(fg), rgb(bg)) < NON_TEXT
    }
    assert low == {}


@pytest.mark.parametrize("theme", THEMES)
def test_text_on_every_tint_of_the_stylesheet(theme: str) -> None:
    """Status areas, the chosen page, "Need help now?": tints under text in the window or card colour."""
    colours = THEMES[theme]
    tints = {
        match.group(0): (*map(int, match.groups()[:3]), float(match.group(4))) for match in RGBA.finditer(QSS)
    }
    assert len(tints) >= 6
    low = {}
    for name, tint in tints.items():
        for surface in (colours.window, colours.base):
            background = over(tint, rgb(surface))  # type: ignore[arg-type]
            value = ratio(rgb(colours.window_text), background)
            if value < TEXT:
                low[f"{name} over {surface}"] = round(value, 2)
    assert low == {}


def test_the_stylesheet_takes_its_colours_from_the_palette() -> None:
    """Solid colours written into the sheet would be the same in light and dark; only tints are allowed."""
    rules = re.sub(r"/\*.*?\*/", "", QSS, flags=re.DOTALL)
    assert re.findall(r"#[0-9a-fA-F]{3,8}\b|\brgb\(|\bwhite\b|\bblack\b", rules) == []


@pytest.mark.parametrize("theme", THEMES)
def test_chart_lines_stand_out_from_the_chart(theme: str) -> None:
    """The Trends lines are graphics needed to read the chart: 3:1 against its background (the base colour)."""
    from ui.trends_chart import ACCENT, ACCENT_ON_DARK, SERIES, SERIES_ON_LIGHT

    colours = THEMES[theme]
    if theme == "light":
        lines = {"mood": ACCENT, **SERIES_ON_LIGHT}
    else:
        lines = {"mood": ACCENT_ON_DARK, **{key: colour for key, (colour, _style, _marker) in SERIES.items()}}
    low = {
        name: round(ratio(colour.getRgb()[:3], rgb(colours.base)), 2)
        for name, colour in lines.items()
        if ratio(colour.getRgb()[:3], rgb(colours.base)) < NON_TEXT
    }
    assert low == {}
