from datetime import date, timedelta

from spil.reflectie.ritme import (
    KWARTAAL,
    MAAND,
    NO_REPEAT,
    WEEK,
    choose_questions,
    due_items,
    mirror_weeks,
    next_aspect,
    period_key,
    previous_period_key,
    snooze_until,
)
from spil.reflectie.vragen import DIMENSIES

TODAY = date(2026, 11, 25)  # a Wednesday in week 48, November, quarter 4
ALL = {WEEK, MAAND, KWARTAAL}


def test_period_keys_and_previous_periods():
    assert period_key(WEEK, TODAY) == "2026-W48"
    assert period_key(MAAND, TODAY) == "2026-11"
    assert period_key(KWARTAAL, TODAY) == "2026-K4"
    assert previous_period_key(KWARTAAL, "2026-K1") == "2025-K4"
    assert previous_period_key(MAAND, "2026-01") == "2025-12"
    assert previous_period_key(WEEK, "2026-W01") == "2025-W52"


def test_exactly_one_due_item_per_rhythm():
    due = due_items(today=TODAY, enabled=ALL, finished={}, concepts={}, snoozed_until={})
    assert [d.ritme for d in due] == [WEEK, MAAND, KWARTAAL]
    assert [d.sleutel for d in due] == ["2026-W48", "2026-11", "2026-K4"]


def test_a_finished_period_is_not_due_and_a_draft_is_offered_to_continue():
    due = due_items(
        today=TODAY,
        enabled=ALL,
        finished={WEEK: {"2026-W48"}, MAAND: {"2026-10"}},
        concepts={(MAAND, "2026-11"): 7},
        snoozed_until={},
    )
    assert [(d.ritme, d.concept_id) for d in due] == [(MAAND, 7), (KWARTAAL, None)]


def test_snooze_hides_until_the_date_and_switched_off_rhythms_are_never_due():
    until = snooze_until(WEEK, TODAY)
    assert until == TODAY + timedelta(days=2)
    snoozed = {WEEK: ("2026-W48", until)}
    due = due_items(today=TODAY, enabled=ALL, finished={}, concepts={}, snoozed_until=snoozed)
    assert WEEK not in [d.ritme for d in due]
    later = due_items(today=until, enabled=ALL, finished={}, concepts={}, snoozed_until=snoozed)
    assert WEEK in [d.ritme for d in later]
    # Snoozed on a Sunday: the next week's check-in is due on Monday all the same.
    sunday = date(2026, 11, 29)
    late = {WEEK: ("2026-W48", snooze_until(WEEK, sunday))}
    monday = due_items(
        today=sunday + timedelta(days=1), enabled=ALL, finished={}, concepts={}, snoozed_until=late
    )
    assert [d.sleutel for d in monday if d.ritme == WEEK] == ["2026-W49"]
    off = due_items(today=TODAY, enabled={MAAND}, finished={}, concepts={}, snoozed_until={})
    assert [d.ritme for d in off] == [MAAND]


def test_mirror_weeks_are_the_four_whole_weeks_before_this_week():
    van, tot = mirror_weeks(TODAY)
    assert van == date(2026, 10, 26) and van.weekday() == 0
    assert tot == date(2026, 11, 22) and tot.weekday() == 6
    assert (tot - van).days == 27


def test_no_question_repeats_within_eight_weeks_over_a_year_of_weekly_check_ins():
    asked: dict[str, date] = {}
    months_done: dict[str, date] = {}
    day = date(2026, 1, 5)
    for week in range(52):
        chosen = choose_questions(ritme=WEEK, today=day, asked=asked, rotation=week)
        assert len(chosen) == 2 and chosen[0].id.startswith("week-") and chosen[1].aspect
        for vraag in chosen:
            if vraag.id in asked:
                assert day - asked[vraag.id] >= NO_REPEAT, (vraag.id, day)
            asked[vraag.id] = day
        if day.day <= 7:  # a monthly aspect too
            aspect = next_aspect(aspects_done=months_done)
            months_done[aspect] = day
            for vraag in choose_questions(ritme=MAAND, today=day, asked=asked, aspect=aspect):
                assert vraag.aspect == aspect
                if vraag.id in asked:
                    assert day - asked[vraag.id] >= NO_REPEAT
                asked[vraag.id] = day
        day += timedelta(days=7)


def test_quarterly_asks_one_question_per_dimension_and_monthly_three_of_its_aspect():
    chosen = choose_questions(ritme=KWARTAAL, today=TODAY, asked={})
    assert [v.dimensie for v in chosen] == list(DIMENSIES)
    monthly = choose_questions(ritme=MAAND, today=TODAY, asked={}, aspect="stiltes")
    assert len(monthly) == 3 and {v.aspect for v in monthly} == {"stiltes"}


def test_next_aspect_takes_the_never_done_then_the_longest_ago():
    assert next_aspect(aspects_done={}) == "tijdverdeling"
    done = {"tijdverdeling": date(2026, 1, 1), "tijdgeest": date(2025, 1, 1)}
    assert next_aspect(aspects_done=done) == "timing"
