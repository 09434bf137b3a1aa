"""The report's words and tables as HTML for QTextDocument: plain, calm, and never a diagnosis.

Every user-written text (period names, tags, notes) is escaped. A figure without data is a dash, never a zero.
Note text appears only when the user chose to include it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from html import escape
from typing import Final

from ui.dates import MONTHS
from wellbeing_app.instruments import InstrumentResult, burnout
from wellbeing_app.periods import KIND_WORDS
from wellbeing_app.report import Report
from wellbeing_app.trends import MIN_DAYS_EACH_SIDE, RETURN_DAYS, AfterReturn, Figures

TITLE: Final = "Wellbeing Check-in — trends report"
CHART_NAME: Final = "report-chart://mood"
STYLE: Final = """
h1 { font-size: 15pt; font-weight: 600; color: #2d3436; margin-bottom: 2px; }
h2 { font-size: 12.5pt; font-weight: 600; color: #20584f; margin-top: 16px; margin-bottom: 6px; }
h3 { font-size: 10.5pt; font-weight: 600; color: #2d3436; margin-top: 10px; margin-bottom: 4px; }
p { margin-top: 0; margin-bottom: 6px; }
.subtle { color: #5f6b6d; }
.small { font-size: 8.5pt; color: #5f6b6d; }
table.figures { border-collapse: collapse; border-color: #d5dcdb; border-style: solid; }
th { background-color: #eef3f2; color: #2d3436; font-weight: 600; text-align: left; }
td.num, th.num { text-align: right; }
"""


def human_date(day: date) -> str:
    """25 Nov 2026, in English whatever the locale, like the rest of the app's words."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def day_span(first: date, last: date) -> str:
    """3 – 19 Aug 2026, 21 Jul – 19 Aug 2026, or 20 Dec 2025 – 5 Jan 2026: short enough for a table cell."""
    if first.year != last.year:
        return f"{human_date(first)} – {human_date(last)}"
    if first.month != last.month:
        return f"{first.day} {MONTHS[first.month - 1]} – {human_date(last)}"
    return f"{first.day} – {human_date(last)}"


def _number(value: float | None, unit: str = "") -> str:
    return "–" if value is None else f"{value:.1f}{unit}"


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def _mood(numbers: Figures) -> str:
    if numbers.mood_mean is None:
        return "–"
    spread = "" if numbers.mood_sd is None else f" ± {numbers.mood_sd:.1f}"
    return f"{numbers.mood_mean:.1f}{spread}"


def _range(numbers: Figures) -> str:
    return day_span(numbers.first, numbers.last)


def _who5_scores(numbers: Figures) -> str:
    return ", ".join(str(score) for _day, score in numbers.who5) or "–"


def _table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    numeric_from: int = 1,
    width: str = "100%",
    first_width: str = "",
) -> str:
    """A bordered table; cells are already escaped. Columns from ``numeric_from`` on are right-aligned."""

    def cell(tag: str, index: int, text: str) -> str:
        kind = ' class="num"' if index >= numeric_from else ""
        if index == 0 and first_width and tag == "th":
            kind += f' width="{first_width}"'
        return f"<{tag}{kind}>{text}</{tag}>"

    head = "".join(cell("th", i, text) for i, text in enumerate(header))
    body = "".join(
        "<tr>" + "".join(cell("td", i, text) for i, text in enumerate(row)) + "</tr>" for row in rows
    )
    return (
        f'<table class="figures" width="{width}" border="1" cellspacing="0" cellpadding="5">'
        f"<thead><tr>{head}</tr></thead>{body}</table>"
    )


def _overall(report: Report) -> str:
    numbers = report.data.overall
    days = (report.data.last - report.data.first).days + 1
    rows = [
        ["Days with a check-in", f"{numbers.days_with_data} of {days}"],
        ["Mood, mean ± spread (0–10)", _mood(numbers)],
        ["Low days (mood 4 or lower)", _share(numbers.low_days_share)],
        ["Energy, mean (0–10)", _number(numbers.energy_mean)],
        ["Stress, mean (0–10, 10 = most stressed)", _number(numbers.stress_mean)],
        ["Sleep, mean", _number(numbers.sleep_mean, " h")],
        ["WHO-5 scores (0–100)", _who5_scores(numbers)],
    ]
    return "<h2>The whole range</h2>" + _table(["Figure", "Value"], rows, width="70%")


def _periods(report: Report) -> str:
    if not report.data.periods:
        return (
            "<h2>Periods</h2><p class='subtle'>No periods (deployments, leave, training) in this range.</p>"
        )
    rows = [
        [
            f"{escape(period.name)}<br/><span class='small'>{KIND_WORDS[period.kind]}"
            f"{', ongoing' if period.end is None else ''}</span>",
            _range(numbers),
            str(numbers.days_with_data),
            _mood(numbers),
            _share(numbers.low_days_share),
            _number(numbers.energy_mean),
            _number(numbers.stress_mean),
            _number(numbers.sleep_mean, " h"),
        ]
        for period, numbers in report.data.periods
    ]
    header = ["Period", "Dates", "Days", "Mood", "Low days", "Energy", "Stress", "Sleep"]
    return "<h2>Periods</h2>" + _table(header, rows, numeric_from=2, first_width="24%")


def _after_return_table(item: AfterReturn) -> str:
    columns = [("30 days before", item.before), ("During", item.during)]
    columns += list(zip(("30 days after", "90 days after"), item.after, strict=False))
    rows = [
        ["Dates", *(_range(numbers) for _name, numbers in columns)],
        ["Days with a check-in", *(str(numbers.days_with_data) for _name, numbers in columns)],
        ["Mood, mean ± spread", *(_mood(numbers) for _name, numbers in columns)],
        ["Low days", *(_share(numbers.low_days_share) for _name, numbers in columns)],
        ["Energy", *(_number(numbers.energy_mean) for _name, numbers in columns)],
        ["Stress", *(_number(numbers.stress_mean) for _name, numbers in columns)],
        ["Sleep", *(_number(numbers.sleep_mean, " h") for _name, numbers in columns)],
        ["WHO-5 scores", *(_who5_scores(numbers) for _name, numbers in columns)],
    ]
    period = item.period
    until = human_date(period.end) if period.end else "ongoing"
    heading = (
        f"<h3>{escape(period.name)} <span class='subtle'>({human_date(period.start)} – {until})</span></h3>"
    )
    note = ""
    if not item.after:
        note = "<p class='small'>The figures after return appear once the deployment has ended.</p>"
    elif period.end is not None and item.after[-1].last < period.end + timedelta(days=RETURN_DAYS[-1]):
        note = "<p class='small'>The days after return that have not come yet are left out.</p>"
    return heading + _table(["", *(name for name, _numbers in columns)], rows, first_width="21%") + note


def _after_return(report: Report) -> str:
    if not report.data.after_return:
        return ""
    intro = "<p class='subtle'>Each deployment side by side with the month before it and the time after return.</p>"
    return (
        "<h2>After return</h2>"
        + intro
        + "".join(_after_return_table(item) for item in report.data.after_return)
    )


def _together(report: Report) -> str:
    differences = [*report.data.tags, *([report.data.short_sleep] if report.data.short_sleep else [])]
    intro = (
        "<p class='subtle'>These describe what went together, not what caused what. A tag is compared when it "
        f"was on at least {MIN_DAYS_EACH_SIDE} days and missing on at least {MIN_DAYS_EACH_SIDE}.</p>"
    )
    if not differences:
        return "<h2>What went with your mood</h2>" + intro + "<p>Not enough days yet to compare.</p>"
    items = "".join(f"<li>{escape(difference.sentence())}</li>" for difference in differences)
    return "<h2>What went with your mood</h2>" + intro + f"<ul>{items}</ul>"


def _who5_rows(results: Sequence[InstrumentResult]) -> list[list[str]]:
    return [[human_date(r.date), str(r.who5_percentage), f"{r.score} of 25"] for r in results]


def _questionnaires(report: Report) -> str:
    parts = ["<h2>Questionnaires</h2>"]
    if report.who5:
        parts.append(
            "<h3>WHO-5 Well-Being Index</h3><p class='small'>0–100; a higher score means better wellbeing.</p>"
        )
        parts.append(_table(["Date", "Score (0–100)", "Raw score"], _who5_rows(report.who5)))
    else:
        parts.append("<p class='subtle'>No WHO-5 answers in this range.</p>")
    if report.burnout:
        parts.append(
            "<h3>Burnout (single question)</h3><p class='small'>1 = I enjoy my work … 5 = completely burned "
            "out.</p>"
        )
        rows = [
            [human_date(r.date), f"{r.score} of 5", escape(burnout.statement(r.score))]
            for r in report.burnout
        ]
        parts.append(_table(["Date", "Answer", "The statement chosen"], rows, numeric_from=3))
    else:
        parts.append("<p class='subtle'>No burnout answers in this range.</p>")
    return "".join(parts)


def _notes(report: Report) -> str:
    if not report.include_notes:
        return ""
    if not report.notes:
        return "<h2>Check-in notes</h2><p class='subtle'>No check-in notes in this range.</p>"
    rows = [[human_date(day), escape(text).replace("\n", "<br/>")] for day, text in report.notes]
    intro = "<p class='subtle'>Included because you chose to add them.</p>"
    return "<h2>Check-in notes</h2>" + intro + _table(["Date", "Note"], rows, numeric_from=2)


def report_html(report: Report, chart_width_px: float) -> str:
    """The whole report; the chart is the image resource ``CHART_NAME``, ``chart_width_px`` CSS pixels wide."""
    data = report.data
    return (
        f"<h1>{TITLE}</h1>"
        f"<p class='subtle'>{human_date(data.first)} – {human_date(data.last)} · made on "
        f"{human_date(report.generated_on)}</p>"
        "<p>This is a personal self-care record, written by the person who brings it. It is not a medical "
        "assessment or a diagnosis. Mood, energy and stress are rated each day from 0 to 10; a low day is one "
        "with mood 4 or lower. Days without a check-in are left out, never counted as zero.</p>"
        "<h2>Mood over time</h2>"
        f'<p><img src="{CHART_NAME}" width="{chart_width_px:.0f}"/></p>'
        + _overall(report)
        + _periods(report)
        + _after_return(report)
        + _together(report)
        + _questionnaires(report)
        + _notes(report)
    )
