"""Network analysis over plain data: minutes per sector and organisation, concentration,
first-time contacts, meeting forms, cadence and introductions. Pure: no Django; networkx for
the co-attendance graph.

A `Moment` is one appointment as the network sees it: its counted minutes inside the period
(the same minutes the agenda-spiegel counts), its agenda domain, its form and the external
people and organisations at the table. Sector minutes are taken over the moments in the
domain "omgeving", so they add up to the mirror's omgeving minutes; a moment without a known
sector counts under "Niet toegewezen". A moment with several sectors (or organisations) is
split evenly, in whole minutes, so totals stay exact.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

import networkx as nx

from .rules import NIET_TOEGEWEZEN, PERIODIEK, VORMEN


@dataclass(frozen=True)
class Moment:
    key: str
    day: date
    minutes: int
    domain: str  # college / organisatie / omgeving / overig
    form: str
    people: tuple[str, ...] = ()  # external people (ids), the user left out
    organisations: tuple[str, ...] = ()  # external organisation ids
    title: str = ""


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    sector: str | None  # sector label, None: not assigned


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    organisation: str  # organisation id
    first_contact: date | None = None


def split_evenly(minutes: int, keys: list[str]) -> dict[str, int]:
    """Whole minutes over the keys (sorted), the remainder to the first ones."""
    if not keys:
        return {}
    keys = sorted(keys)
    share, rest = divmod(minutes, len(keys))
    return {key: share + (1 if i < rest else 0) for i, key in enumerate(keys)}


def sector_minutes(
    moments: Iterable[Moment], organisations: dict[str, Organisation]
) -> dict[str, int]:
    """Minutes per sector label over the omgeving moments; unknown under NIET_TOEGEWEZEN."""
    totals: Counter[str] = Counter()
    for moment in moments:
        if moment.domain != "omgeving" or moment.minutes <= 0:
            continue
        sectors = {
            (organisations[o].sector if o in organisations else None) or NIET_TOEGEWEZEN
            for o in moment.organisations
        } or {NIET_TOEGEWEZEN}
        totals.update(split_evenly(moment.minutes, list(sectors)))
    return dict(sorted(totals.items(), key=lambda kv: (-kv[1], kv[0])))


def organisation_minutes(moments: Iterable[Moment]) -> dict[str, int]:
    """Minutes per external organisation over every moment with one at the table."""
    totals: Counter[str] = Counter()
    for moment in moments:
        if moment.organisations and moment.minutes > 0:
            totals.update(split_evenly(moment.minutes, list(set(moment.organisations))))
    return dict(totals)


def top_share(minutes: dict[str, int], n: int = 5) -> float:
    total = sum(minutes.values())
    if not total:
        return 0.0
    return sum(sorted(minutes.values(), reverse=True)[:n]) / total


def hhi(minutes: dict[str, int]) -> float:
    """Herfindahl-Hirschman index of the shares (0..1; 1 = everything in one place)."""
    total = sum(minutes.values())
    if not total:
        return 0.0
    return sum((value / total) ** 2 for value in minutes.values())


def form_minutes(moments: Iterable[Moment]) -> dict[str, int]:
    totals = dict.fromkeys(VORMEN, 0)
    for moment in moments:
        if moment.domain == "omgeving" and moment.minutes > 0:
            totals[moment.form] = totals.get(moment.form, 0) + moment.minutes
    return totals


def unscripted_by_quarter(moments: Iterable[Moment]) -> dict[str, tuple[int, int]]:
    """Per quarter: (minutes outside recurring meetings, all omgeving minutes), to follow the
    share of unscripted contact over time."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for moment in moments:
        if moment.domain == "omgeving" and moment.minutes > 0:
            row = totals[quarter_key(moment.day)]
            row[1] += moment.minutes
            if moment.form != PERIODIEK:
                row[0] += moment.minutes
    return {key: (row[0], row[1]) for key, row in sorted(totals.items())}


def quarter_key(day: date) -> str:
    return f"{day.year}-K{(day.month - 1) // 3 + 1}"


def first_contacts(moments: Iterable[Moment]) -> dict[str, date]:
    first: dict[str, date] = {}
    for moment in moments:
        for person in moment.people:
            if person not in first or moment.day < first[person]:
                first[person] = moment.day
    return first


def new_per_quarter(first: dict[str, date], van: date, tot: date) -> dict[str, int]:
    counts: Counter[str] = Counter(quarter_key(d) for d in first.values() if van <= d <= tot)
    return dict(sorted(counts.items()))


@dataclass
class Kerncijfers:
    sectoren: dict[str, int]
    organisaties: dict[str, int]
    vormen: dict[str, int]
    nieuwe_contacten: int
    nieuw_per_kwartaal: dict[str, int]
    ongescript_per_kwartaal: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def minuten_extern(self) -> int:
        return sum(self.sectoren.values())

    @property
    def top5_aandeel(self) -> float:
        return top_share(self.organisaties, 5)

    @property
    def hhi(self) -> float:
        # Over the sectors the user's external time went to; unassigned minutes left out.
        return hhi({k: v for k, v in self.sectoren.items() if k != NIET_TOEGEWEZEN})

    @property
    def periodiek_aandeel(self) -> float:
        total = sum(self.vormen.values())
        return self.vormen.get(PERIODIEK, 0) / total if total else 0.0

    def as_dict(self) -> dict:
        return {
            "minuten_extern": self.minuten_extern,
            "sectoren": dict(self.sectoren),
            "top5_aandeel": round(self.top5_aandeel, 4),
            "hhi": round(self.hhi, 4),
            "organisaties": len(self.organisaties),
            "nieuwe_contacten": self.nieuwe_contacten,
            "vormen": dict(self.vormen),
            "periodiek_aandeel": round(self.periodiek_aandeel, 4),
        }


def kerncijfers(
    moments: list[Moment],
    organisations: dict[str, Organisation],
    *,
    van: date,
    tot: date,
    first: dict[str, date] | None = None,
) -> Kerncijfers:
    """Figures for the moments of [van, tot] (their minutes already clipped to the period).
    `first` is each person's first contact over all history (default: within `moments`)."""
    inside = moments
    first = first if first is not None else first_contacts(moments)
    return Kerncijfers(
        sectoren=sector_minutes(inside, organisations),
        organisaties=organisation_minutes(inside),
        vormen=form_minutes(inside),
        nieuwe_contacten=sum(1 for d in first.values() if van <= d <= tot),
        nieuw_per_kwartaal=new_per_quarter(first, van, tot),
        ongescript_per_kwartaal=unscripted_by_quarter(inside),
    )


# Cadence ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ritme:
    id: str
    name: str
    last_contact: date | None
    target_days: int | None
    max_days: int | None
    winding_down: bool = False  # status "afbouwen" silences the reminder


@dataclass(frozen=True)
class Overdue:
    id: str
    name: str
    last_contact: date | None
    max_days: int
    days_overdue: int


def overdue(items: Iterable[Ritme], *, today: date) -> list[Overdue]:
    """Everything past its maximum interval, most overdue first. Never met counts from the
    maximum interval before today (so it shows up, as overdue by 0 days or more)."""
    out = []
    for item in items:
        if item.winding_down or not item.max_days:
            continue
        since = (today - item.last_contact).days if item.last_contact else item.max_days + 1
        late = since - item.max_days
        if late > 0:
            out.append(Overdue(item.id, item.name, item.last_contact, item.max_days, late))
    return sorted(out, key=lambda o: (-o.days_overdue, o.name, o.id))


# Network ---------------------------------------------------------------------------------


def co_attendance_graph(moments: Iterable[Moment]) -> nx.Graph:
    """People as nodes; an edge for each pair at the same table, with how often and when
    last. The user (ego) is never a node. Nodes carry their last contact with the user."""
    graph = nx.Graph()
    for moment in moments:
        people = sorted(set(moment.people))
        for person in people:
            if person in graph:
                data = graph.nodes[person]
                data["contacts"] += 1
                data["last"] = max(data["last"], moment.day)
            else:
                graph.add_node(person, contacts=1, last=moment.day)
        # A huge meeting tells little about who knows whom: only tables up to 30 people.
        if len(people) > 30:
            continue
        for i, a in enumerate(people):
            for b in people[i + 1 :]:
                if graph.has_edge(a, b):
                    edge = graph[a][b]
                    edge["weight"] += 1
                    edge["last"] = max(edge["last"], moment.day)
                else:
                    graph.add_edge(a, b, weight=1, last=moment.day)
    return graph


def communities(graph: nx.Graph, *, seed: int = 20) -> dict[str, int]:
    """Louvain communities with a fixed seed (reproducible), numbered by size then name."""
    if graph.number_of_nodes() == 0:
        return {}
    found = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    ordered = sorted(found, key=lambda c: (-len(c), min(c)))
    return {node: index + 1 for index, group in enumerate(ordered) for node in group}


def brokerage(graph: nx.Graph) -> dict[str, dict[str, float]]:
    """Burt's effective size and constraint per person (only people with ties)."""
    nodes = [n for n in graph if graph.degree(n) > 0]
    if not nodes:
        return {}
    # Effective size of an unweighted undirected ego network (Borgatti): degree minus twice
    # the ties among the neighbours over the degree; the same as networkx's effective_size,
    # from the triangle count, which is much faster.
    # (Asked for all nodes at once: with a `nodes` list networkx is many times slower.)
    triangles = nx.triangles(graph)
    size = {n: graph.degree(n) - 2 * triangles[n] / graph.degree(n) for n in nodes}
    constraint = nx.constraint(graph)
    return {
        n: {
            "effectieve_omvang": round(float(size[n]), 2),
            "beperking": round(float(constraint[n]), 3),
            "graad": graph.degree(n),
        }
        for n in nodes
    }


@dataclass(frozen=True)
class Introduction:
    a: str
    b: str
    score: float
    reason: str
    different_sector: bool
    different_community: bool


MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def nl_date(day: date) -> str:
    return f"{day.day} {MAANDEN[day.month - 1]} {day.year}"


def introductions(
    graph: nx.Graph,
    people: dict[str, Person],
    organisations: dict[str, Organisation],
    *,
    today: date,
    community: dict[str, int] | None = None,
    skip: set[frozenset[str]] | None = None,
    top: int = 10,
) -> list[Introduction]:
    """Pairs to bring together: both met by the user in the last 6 months, not at the same
    table in the last 12 months, in different sectors or communities, and not already
    accepted or declined (`skip`). Scored by how much the user sees both (contacts in the
    period) and a bonus when they differ in sector *and* community. Deterministic."""
    community = community if community is not None else communities(graph)
    skip = skip or set()
    recent = today - timedelta(days=183)
    year_ago = today - timedelta(days=365)
    candidates = sorted(
        n for n, d in graph.nodes(data=True) if d["last"] >= recent and d["last"] <= today
    )
    # Who already meets whom (at a table together within the last year).
    meets = {n: {m for m, edge in graph[n].items() if edge["last"] >= year_ago} for n in candidates}
    info = []
    for n in candidates:
        person = people.get(n)
        org = organisations.get(person.organisation) if person else None
        info.append(
            (
                n,
                org.id if org else "",
                (org.sector if org else None),
                community.get(n, 0),
                graph.nodes[n]["contacts"],
            )
        )
    heap: list[tuple[float, str, str]] = []
    floor = float("-inf")
    for i, (a, org_a, sector_a, com_a, count_a) in enumerate(info):
        met = meets[a]
        for b, org_b, sector_b, com_b, count_b in info[i + 1 :]:
            # The best score this pair can reach; skip it when it cannot enter the top.
            base = (count_a if count_a < count_b else count_b) + 0.1 * (count_a + count_b)
            if base + 5 < floor:
                continue
            if (org_a and org_a == org_b) or b in met:
                continue  # colleagues know each other; others already meet
            diff_sector = sector_a != sector_b and sector_a is not None and sector_b is not None
            diff_com = com_a != com_b
            if not (diff_sector or diff_com):
                continue
            if skip and frozenset((a, b)) in skip:
                continue
            score = base + 5 if (diff_sector and diff_com) else base
            item = (score, _neg(a), _neg(b))
            if len(heap) < top:
                heapq.heappush(heap, item)
                if len(heap) == top:
                    floor = heap[0][0]
            elif item > heap[0]:
                heapq.heapreplace(heap, item)
                floor = heap[0][0]
    out = []
    for score, na, nb in sorted(heap, reverse=True):
        a, b = _unneg(na), _unneg(nb)
        out.append(_introduction(graph, people, organisations, community, a, b, score))
    return out


def _neg(text: str) -> str:
    # Ties in the heap resolve towards alphabetical order: store the complement.
    return "".join(chr(0x10FFFF - ord(c)) for c in text)


def _unneg(text: str) -> str:
    return "".join(chr(0x10FFFF - ord(c)) for c in text)


def _introduction(graph, people, organisations, community, a, b, score) -> Introduction:
    def describe(n: str) -> tuple[str, str | None]:
        person = people.get(n)
        org = organisations.get(person.organisation) if person else None
        name = person.name if person else n
        org_name = org.name if org else "onbekende organisatie"
        sector = org.sector if org else None
        text = (
            f"{name} ({org_name}, {sector or 'sector nog niet gekozen'}, laatst gesproken "
            f"{nl_date(graph.nodes[n]['last'])})"
        )
        return text, sector

    text_a, sector_a = describe(a)
    text_b, sector_b = describe(b)
    diff_sector = sector_a != sector_b and sector_a is not None and sector_b is not None
    diff_com = community.get(a, 0) != community.get(b, 0)
    why = []
    if diff_sector:
        why.append("ze werken in verschillende sectoren")
    if diff_com:
        why.append("ze horen bij verschillende groepen in je netwerk")
    reason = (
        f"{text_a} en {text_b} zaten het afgelopen jaar niet samen aan tafel in je agenda; "
        f"{' en '.join(why)}."
    )
    return Introduction(a, b, round(score, 2), reason, diff_sector, diff_com)


@dataclass
class NetworkView:
    graph: nx.Graph
    community: dict[str, int] = field(default_factory=dict)
    brokers: dict[str, dict[str, float]] = field(default_factory=dict)


def network_view(moments: Iterable[Moment], *, seed: int = 20) -> NetworkView:
    graph = co_attendance_graph(moments)
    return NetworkView(graph, communities(graph, seed=seed), brokerage(graph))
