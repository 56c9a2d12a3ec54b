from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from spil.agenda.analysis import (
    Item,
    Thresholds,
    analyse,
    counted_minutes,
    iso_week,
    shares,
    without_leave,
)

AMS = ZoneInfo("Europe/Amsterdam")


def item(day, start, end, domain, **kwargs):
    y, m, d = day
    return Item(
        uid=kwargs.pop("uid", f"{day}-{start}"),
        start=datetime(y, m, d, *start, tzinfo=AMS),
        end=datetime(y, m, d, *end, tzinfo=AMS),
        title=kwargs.pop("title", domain),
        domain=domain,
        **kwargs,
    )


def signal(result, kind):
    found = [s for s in result.signals if s.kind == kind]
    return found[0] if found else None


def test_totals_per_week_and_month_and_shares():
    items = [
        item((2025, 3, 31), (9, 0), (11, 0), "college"),  # week 14, March
        item((2025, 4, 1), (9, 0), (10, 0), "organisatie"),  # week 14, April
        item((2025, 4, 8), (9, 0), (10, 0), "omgeving"),  # week 15
        item((2025, 4, 8), (12, 0), (13, 0), "overig"),
        item((2025, 4, 9), (9, 0), (17, 0), "omgeving", availability="vrij"),
    ]
    result = analyse(items, start=date(2025, 3, 31), end=date(2025, 4, 13))
    assert result.totals == {"college": 120, "organisatie": 60, "omgeving": 60, "overig": 60}
    assert result.shares == {"college": 50.0, "organisatie": 25.0, "omgeving": 25.0}
    weeks = {w.key: w.totals for w in result.weeks}
    assert weeks["2025-W14"]["college"] == 120 and weeks["2025-W14"]["organisatie"] == 60
    assert weeks["2025-W15"]["omgeving"] == 60
    months = {m.key: m.totals for m in result.months}
    assert months["2025-03"]["college"] == 120 and months["2025-04"]["organisatie"] == 60
    assert [w.key for w in result.weeks] == ["2025-W14", "2025-W15"]
    # Ten working days of 9 hours.
    assert sum(w.working_minutes for w in result.weeks) == 10 * 540


def test_comparison_against_target_and_survey():
    items = [item((2025, 4, 1), (9, 0), (12, 0), "organisatie")]
    result = analyse(
        items,
        start=date(2025, 4, 1),
        end=date(2025, 4, 1),
        target={"college": 40, "organisatie": 40, "omgeving": 20},
    )
    rows = {r["domein"]: r for r in result.comparison()}
    assert rows["organisatie"]["aandeel"] == 100.0
    assert rows["organisatie"]["verschil_doel"] == 60.0
    assert rows["omgeving"]["referentie"] < rows["organisatie"]["referentie"]
    assert "organisatie" in result.conclusion()
    # Hours as the tables show them: 1,5 hours is not "1 uur".
    half = analyse(
        [item((2025, 4, 1), (9, 0), (10, 30), "college")],
        start=date(2025, 4, 1),
        end=date(2025, 4, 1),
    )
    assert half.conclusion().startswith("Van je 1,5 uur aan college")


def test_conclusion_and_share_chart_sentence_say_different_things():
    # The page opens with the conclusion and captions the share chart with its own sentence; a
    # screen reader that heard the same sentence twice learned nothing the second time.
    items = [
        item((2025, 4, 1), (9, 0), (12, 0), "organisatie"),
        item((2025, 4, 1), (13, 0), (14, 0), "college"),
        item((2025, 4, 2), (9, 0), (10, 0), "organisatie"),
        item((2025, 4, 2), (10, 0), (11, 0), "organisatie"),
        item((2025, 4, 2), (11, 0), (12, 0), "organisatie"),
    ]
    result = analyse(items, start=date(2025, 4, 1), end=date(2025, 4, 4))
    conclusion, chart = result.conclusion(), result.shares_summary()
    assert conclusion != chart
    # Overall: the hours, where most of them went, and how many signals ask for attention.
    assert conclusion == (
        "Van je 7,0 uur aan college, organisatie en omgeving ging het meeste naar organisatie "
        "(86%); 1 signaal vraagt aandacht."
    )
    # The chart: the domain furthest from the target, with the target and the survey figure.
    assert chart == (
        "Organisatie ligt met 86% het verst van je doel: 52 procentpunt boven de 33% die je "
        "wilt, bij een enquêtegemiddelde van ongeveer 48%."
    )


def test_all_day_leave_counts_working_days_and_frees_them():
    leave = Item(
        uid="v",
        start=datetime(2025, 4, 4, tzinfo=AMS),  # Friday to Monday inclusive
        end=datetime(2025, 4, 8, tzinfo=AMS),
        title="Verlof",
        domain="overig",
        all_day=True,
        availability="afwezig",
        personal=True,
    )
    assert counted_minutes(leave, Thresholds()) == 2 * 540
    result = analyse([leave], start=date(2025, 4, 4), end=date(2025, 4, 7))
    assert result.weeks[0].working_minutes == 0  # Friday off
    assert result.weeks[1].working_minutes == 0  # Monday off
    assert signal(result, "geen_ruimte") is None


def test_overfull_day_and_week():
    day = [item((2025, 4, 1), (8, 30), (17, 0), "college")]
    result = analyse(day, start=date(2025, 4, 1), end=date(2025, 4, 1))
    overfull = signal(result, "overvolle_dag")
    assert overfull.days == ["2025-04-01"]
    assert overfull.weeks == ["2025-W14"]
    assert signal(result, "overvolle_week").weeks == ["2025-W14"]
    relaxed = analyse(
        day, start=date(2025, 4, 1), end=date(2025, 4, 1), thresholds=Thresholds(overfull_day=0.99)
    )
    assert signal(relaxed, "overvolle_dag") is None


def test_overlapping_appointments_are_not_counted_twice_as_booked_time():
    items = [
        item((2025, 4, 1), (9, 0), (11, 0), "college"),
        item((2025, 4, 1), (10, 0), (12, 0), "organisatie"),
    ]
    result = analyse(items, start=date(2025, 4, 1), end=date(2025, 4, 1))
    assert result.weeks[0].booked_minutes == 180
    assert result.totals["college"] + result.totals["organisatie"] == 240


def test_chain_without_break():
    items = [
        item((2025, 4, 2), (9, 0), (10, 0), "college"),
        item((2025, 4, 2), (10, 5), (11, 0), "organisatie"),
        item((2025, 4, 2), (11, 0), (12, 0), "omgeving"),
        item((2025, 4, 2), (14, 0), (15, 0), "omgeving"),  # after a real break
    ]
    result = analyse(items, start=date(2025, 4, 2), end=date(2025, 4, 2))
    chain = signal(result, "keten")
    assert chain.details == [{"dag": "2025-04-02", "van": "09:00", "tot": "12:00", "aantal": 3}]
    longer_break = analyse(
        items, start=date(2025, 4, 2), end=date(2025, 4, 2), thresholds=Thresholds(break_minutes=5)
    )
    assert signal(longer_break, "keten") is None


def test_back_to_back_external_contacts():
    items = [
        item((2025, 4, 3), (9, 0), (10, 0), "omgeving", title="Corporatie"),
        item((2025, 4, 3), (10, 0), (11, 0), "omgeving", title="Zorgaanbieder"),
        item((2025, 4, 3), (11, 0), (12, 0), "organisatie"),
        item((2025, 4, 3), (12, 0), (13, 0), "omgeving", title="Provincie"),
    ]
    result = analyse(items, start=date(2025, 4, 3), end=date(2025, 4, 3))
    run = signal(result, "externe_reeks")
    assert len(run.details) == 1
    assert run.details[0]["onderwerpen"] == ["Corporatie", "Zorgaanbieder"]
    assert run.weeks == [iso_week(date(2025, 4, 3))]


def test_week_without_unplanned_time():
    # Every working day booked except 20-minute gaps: too short to be usable.
    items = []
    for d in range(7, 12):
        items.append(item((2025, 4, d), (8, 30), (12, 40), "organisatie"))
        items.append(item((2025, 4, d), (13, 0), (17, 30), "college"))
    result = analyse(items, start=date(2025, 4, 7), end=date(2025, 4, 13))
    assert signal(result, "geen_ruimte").weeks == ["2025-W15"]
    # Clear two afternoons (2 x 290 of 2700 minutes free): room again.
    lighter = [i for i in items if not (i.start.day in (9, 10) and i.start.hour == 13)]
    assert (
        signal(analyse(lighter, start=date(2025, 4, 7), end=date(2025, 4, 13)), "geen_ruimte")
        is None
    )


def test_after_hours_work_but_not_private_life():
    items = [
        item((2025, 4, 1), (19, 0), (21, 0), "college", title="Raad"),
        item((2025, 4, 2), (19, 0), (21, 0), "overig", title="Sport", personal=True),
        item((2025, 4, 5), (10, 0), (11, 0), "omgeving", title="Opening"),  # Saturday
    ]
    result = analyse(items, start=date(2025, 3, 31), end=date(2025, 4, 6))
    late = signal(result, "buiten_werktijd")
    assert late.days == ["2025-04-01", "2025-04-05"]
    assert late.details[0]["minuten"] == 120
    custom = Thresholds(workday_end=time(21, 0))
    late = signal(
        analyse(items, start=date(2025, 3, 31), end=date(2025, 4, 6), thresholds=custom),
        "buiten_werktijd",
    )
    assert late.days == ["2025-04-05"]


def leave(first, last_exclusive, **kwargs):
    return Item(
        uid=kwargs.pop("uid", "verlof"),
        start=datetime(*first, tzinfo=AMS),
        end=datetime(*last_exclusive, tzinfo=AMS),
        title=kwargs.pop("title", "Vakantie"),
        domain=kwargs.pop("domain", "overig"),
        all_day=True,
        availability=kwargs.pop("availability", "afwezig"),
        **kwargs,
    )


def test_work_on_a_leave_day_is_its_own_signal_not_after_hours_work():
    items = [
        leave((2025, 7, 21), (2025, 8, 2)),  # two weeks off, the weekend in between included
        item((2025, 7, 23), (13, 0), (14, 30), "organisatie", title="MT"),
        item((2025, 7, 24), (19, 0), (20, 30), "college", title="Presidium"),
        item((2025, 7, 26), (10, 0), (11, 0), "omgeving", title="Opening"),  # Saturday
        item((2025, 7, 25), (20, 0), (21, 0), "overig", title="Etentje", personal=True),
        item((2025, 8, 4), (19, 0), (21, 0), "college", title="Raad"),  # back at work
    ]
    result = analyse(items, start=date(2025, 7, 21), end=date(2025, 8, 10))
    late = signal(result, "buiten_werktijd")
    assert late.days == ["2025-08-04"]
    # The text says what it counts, and that leave is not part of it.
    assert "voor 08:30, na 17:30 of in het weekend" in late.description
    assert "samen 2,0 uur" in late.description
    assert "verlof had tellen hier niet mee" in late.description
    during = signal(result, "werk_tijdens_verlof")
    assert during.title == "Werkafspraken tijdens verlof"
    assert during.days == ["2025-07-23", "2025-07-24", "2025-07-26"]
    assert during.weeks == ["2025-W30"]
    assert during.description == (
        "3 dagen waarop je verlof had en toch werkafspraken in je agenda stonden (samen 4,0 uur)."
    )
    assert during.details[1] == {"dag": "2025-07-24", "minuten": 90, "onderwerpen": ["Presidium"]}


def test_all_day_out_of_office_for_work_is_no_leave():
    # A congress marked out-of-office is a working day away, not a day off.
    congress = leave((2025, 4, 1), (2025, 4, 2), title="Congres", domain="omgeving")
    dinner = item((2025, 4, 1), (19, 0), (21, 0), "omgeving", title="Congresdiner")
    result = analyse([congress, dinner], start=date(2025, 4, 1), end=date(2025, 4, 1))
    assert result.leave_days == 0 and result.leave_minutes == 0
    assert result.weeks[0].working_minutes == 540
    assert signal(result, "buiten_werktijd").days == ["2025-04-01"]
    assert signal(result, "werk_tijdens_verlof") is None


def test_leave_is_kept_apart_in_days_and_minutes():
    items = [
        leave((2025, 7, 21), (2025, 7, 26)),  # Monday to Friday
        leave(
            (2025, 7, 25),
            (2025, 7, 26),
            uid="bday",
            title="Vrije dag",
            availability="bezet",
            personal=True,
        ),  # the same Friday twice
        item((2025, 7, 22), (9, 0), (10, 0), "overig", title="Reistijd"),
        item((2025, 7, 28), (9, 0), (11, 0), "college"),
    ]
    result = analyse(items, start=date(2025, 7, 21), end=date(2025, 8, 3))
    holiday, back = result.weeks
    # The totals keep the JSON contract: leave counts under overig, one working day a day.
    assert holiday.totals["overig"] == 6 * 540 + 60
    assert holiday.leave_minutes == 6 * 540
    assert holiday.leave_days == 5  # the doubled Friday is one day
    assert without_leave(holiday.totals, holiday.leave_minutes)["overig"] == 60
    assert back.leave_days == 0 and back.leave_minutes == 0
    assert result.leave_days == 5
    assert holiday.as_dict()["verlof_dagen"] == 5
    assert result.as_dict()["verlof_minuten"] == 6 * 540
    assert "naast 5 verlofdagen" in result.conclusion()


def test_shares_of_nothing():
    assert shares({"college": 0, "organisatie": 0, "omgeving": 0, "overig": 10}) == {
        "college": 0.0,
        "organisatie": 0.0,
        "omgeving": 0.0,
    }
