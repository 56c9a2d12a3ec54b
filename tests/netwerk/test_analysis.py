from datetime import date, timedelta

from spil.netwerk import analysis
from spil.netwerk.analysis import Moment, Organisation, Person, Ritme
from spil.netwerk.rules import EENMALIG, NIET_TOEGEWEZEN, PERIODIEK

ORGS = {
    "a": Organisation("a", "Woongoed", "Wonen"),
    "b": Organisation("b", "Rocwest", "Onderwijs en kennis"),
    "c": Organisation("c", "Acme", None),
}


def m(key, day, minutes, orgs=(), people=(), domain="omgeving", form=EENMALIG):
    return Moment(key, day, minutes, domain, form, tuple(people), tuple(orgs))


def test_sector_minutes_split_exactly_and_show_unassigned():
    moments = [
        m("1", date(2025, 1, 6), 61, orgs=("a", "b")),
        m("2", date(2025, 1, 7), 30, orgs=("c",)),
        m("3", date(2025, 1, 8), 45),  # omgeving without attendees
        m("4", date(2025, 1, 9), 60, orgs=("a",), domain="college"),  # not omgeving
    ]
    sectors = analysis.sector_minutes(moments, ORGS)
    assert sectors == {NIET_TOEGEWEZEN: 75, "Onderwijs en kennis": 31, "Wonen": 30}
    assert sum(sectors.values()) == 61 + 30 + 45


def test_concentration():
    minutes = {str(i): 10 for i in range(10)}
    assert analysis.top_share(minutes, 5) == 0.5
    assert abs(analysis.hhi(minutes) - 0.1) < 1e-9
    assert analysis.hhi({"x": 5}) == 1.0
    assert analysis.top_share({}, 5) == 0.0


def test_kerncijfers_new_contacts_and_forms():
    moments = [
        m("1", date(2025, 4, 1), 60, orgs=("a",), people=("p1",), form=PERIODIEK),
        m("2", date(2025, 4, 2), 60, orgs=("b",), people=("p2",)),
    ]
    first = {"p1": date(2024, 1, 1), "p2": date(2025, 4, 2)}
    k = analysis.kerncijfers(
        moments, ORGS, van=date(2025, 4, 1), tot=date(2025, 6, 30), first=first
    )
    data = k.as_dict()
    assert data["nieuwe_contacten"] == 1
    assert data["minuten_extern"] == 120
    assert data["periodiek_aandeel"] == 0.5
    assert data["organisaties"] == 2
    assert data["top5_aandeel"] == 1.0
    assert data["hhi"] == 0.5
    assert k.nieuw_per_kwartaal == {"2025-K2": 1}


def test_overdue_list_ordered_by_days_and_silenced_by_winding_down():
    today = date(2025, 6, 30)
    items = [
        Ritme(str(i), f"Org {i:02d}", today - timedelta(days=10 * i), 20, 60) for i in range(1, 21)
    ]
    items.append(Ritme("x", "Afbouw", today - timedelta(days=400), 20, 60, winding_down=True))
    items.append(Ritme("y", "Zonder termijn", today - timedelta(days=400), None, None))
    late = analysis.overdue(items, today=today)
    # Contacts 7..20 are past 60 days; most overdue first.
    assert [o.id for o in late] == [str(i) for i in range(20, 6, -1)]
    assert late[0].days_overdue == 140
    assert all(o.days_overdue > 0 for o in late)


def _network():
    today = date(2025, 6, 30)
    orgs = {
        "w": Organisation("w", "Woongoed", "Wonen"),
        "z": Organisation("z", "Zorggroep", "Zorg en welzijn"),
        "r": Organisation("r", "Rocwest", "Onderwijs en kennis"),
    }
    people = {
        "anna": Person("anna", "Anna", "w"),
        "bert": Person("bert", "Bert", "w"),
        "cor": Person("cor", "Cor", "z"),
        "dirk": Person("dirk", "Dirk", "r"),
        "eva": Person("eva", "Eva", "z"),
    }
    moments = [
        m("1", today - timedelta(days=10), 60, people=("anna", "bert")),
        m("2", today - timedelta(days=20), 60, people=("cor", "dirk")),  # they already meet
        m("3", today - timedelta(days=30), 60, people=("eva",)),
        m("4", today - timedelta(days=400), 60, people=("anna", "eva")),  # long ago
    ]
    return today, orgs, people, moments


def test_introductions_have_reasons_and_never_pair_who_already_meet():
    today, orgs, people, moments = _network()
    graph = analysis.co_attendance_graph(moments)
    found = analysis.introductions(graph, people, orgs, today=today)
    pairs = {frozenset((i.a, i.b)) for i in found}
    assert frozenset(("cor", "dirk")) not in pairs
    assert frozenset(("anna", "bert")) not in pairs  # same organisation
    assert frozenset(("cor", "eva")) not in pairs  # same organisation
    assert frozenset(("anna", "eva")) in pairs  # met 400 days ago: not in the last year
    for intro in found:
        for person in (intro.a, intro.b):
            org = orgs[people[person].organisation]
            assert people[person].name in intro.reason
            assert org.name in intro.reason
            assert org.sector in intro.reason
            assert analysis.nl_date(graph.nodes[person]["last"]) in intro.reason
    # Deterministic, and declined pairs are not suggested again.
    assert found == analysis.introductions(graph, people, orgs, today=today)
    skip = {frozenset((found[0].a, found[0].b))}
    again = analysis.introductions(graph, people, orgs, today=today, skip=skip)
    assert frozenset((found[0].a, found[0].b)) not in {frozenset((i.a, i.b)) for i in again}


def test_people_not_seen_in_six_months_are_not_suggested():
    today, orgs, people, moments = _network()
    moments = [mo for mo in moments if mo.key != "3"]  # Eva only seen 400 days ago
    graph = analysis.co_attendance_graph(moments)
    found = analysis.introductions(graph, people, orgs, today=today)
    assert all("eva" not in (i.a, i.b) for i in found)


def test_graph_leaves_ego_out_and_communities_are_reproducible():
    moments = _network()[3]
    view = analysis.network_view(moments)
    assert set(view.graph.nodes) == {"anna", "bert", "cor", "dirk", "eva"}
    assert view.community == analysis.network_view(moments).community
    assert view.brokers["anna"]["graad"] == 2


def test_unscripted_share_per_quarter():
    moments = [
        m("1", date(2025, 1, 10), 60, form=PERIODIEK),
        m("2", date(2025, 2, 10), 30),
        m("3", date(2025, 4, 10), 90),
        m("4", date(2025, 4, 11), 90, domain="college"),
    ]
    assert analysis.unscripted_by_quarter(moments) == {"2025-K1": (30, 90), "2025-K2": (90, 90)}
