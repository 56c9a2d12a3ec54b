import re

from spil.agenda.charts import period_hours, weekly_bars_svg


def week(key, minutes, leave_minutes=0, leave_days=0):
    return {
        "sleutel": key,
        "minuten": minutes,
        "verlof_minuten": leave_minutes,
        "verlof_dagen": leave_days,
    }


def drawn(svg: str) -> dict[tuple[str, str], float]:
    """The bars as the SVG describes them: (week, domain) -> hours."""
    bars = re.findall(r'aria-label="Week: ([^;]+); Uren: ([\d.]+); Domein: ([^;]+);', svg)
    return {(key, domain): float(hours) for key, hours, domain in bars}


def test_leave_is_no_bar_of_hours_in_the_weekly_chart():
    weeks = [
        week("2025-W29", {"college": 600, "organisatie": 900, "omgeving": 300, "overig": 120}),
        # A holiday week with one evening meeting and an hour of travel.
        week(
            "2025-W30",
            {"college": 90, "organisatie": 0, "omgeving": 0, "overig": 5 * 540 + 60},
            leave_minutes=5 * 540,
            leave_days=5,
        ),
    ]
    assert period_hours(weeks[1]) == {
        "college": 1.5,
        "organisatie": 0.0,
        "omgeving": 0.0,
        "overig": 1.0,
    }
    svg = weekly_bars_svg(weeks)
    bars = drawn(svg)
    assert bars[("2025-W30", "Overige afspraken")] == 1.0
    assert bars[("2025-W29", "Organisatie")] == 15.0
    # The scale follows the working weeks, not 45 hours of holiday.
    top = re.search(r"linear scale with values from [\d.]+ to ([\d.]+)", svg)
    assert float(top.group(1)) < 45
