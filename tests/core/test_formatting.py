from datetime import date

from spil.core.formatting import (
    count_nl,
    date_nl,
    date_short_nl,
    decimal_nl,
    hours_nl,
    join_nl,
    percent_nl,
)


def test_numbers_use_a_decimal_comma_and_a_thousands_point():
    assert decimal_nl(2.75) == "2,8"
    assert decimal_nl(1234.56) == "1.234,6"
    assert decimal_nl(3, 0) == "3"
    assert hours_nl(95) == "1,6"
    assert percent_nl(33.333) == "33%"


def test_plurals_dates_and_lists():
    assert count_nl(1, "afspraak", "afspraken") == "1 afspraak"
    assert count_nl(0, "afspraak", "afspraken") == "0 afspraken"
    assert date_nl(date(2025, 1, 6)) == "6 januari 2025"
    assert date_nl(date(2025, 1, 6), weekday=True) == "maandag 6 januari 2025"
    assert date_short_nl(date(2025, 3, 9)) == "9 mrt 2025"
    assert join_nl(["college", "organisatie", "omgeving"]) == "college, organisatie en omgeving"
    assert join_nl(["alleen"]) == "alleen"
    assert join_nl([]) == ""
