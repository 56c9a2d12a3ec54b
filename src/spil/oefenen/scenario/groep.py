"""Group play, pure: roles drawn by lot and the anonymous distribution of a group's choices.

Roles come from the scenario's cast, each at most once; the draw is seeded so the same session
always gives the same roles. Players beyond the cast take part without a role. The group sees
how its choices were divided only when at least `MINIMUM` players chose, and never per person.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Sequence

MINIMUM = 3


def roles_by_lot(role_ids: Sequence[str], players: Sequence[int], *, seed: int) -> dict[int, str]:
    """Player id -> role id ("" when the cast is smaller than the group)."""
    rng = random.Random(seed)
    order = sorted(players)
    rng.shuffle(order)
    roles = list(role_ids)
    rng.shuffle(roles)
    return {player: (roles[i] if i < len(roles) else "") for i, player in enumerate(order)}


def distribution(
    votes: Iterable[str], choice_ids: Sequence[str], *, minimum: int = MINIMUM
) -> list[tuple[str, int]] | None:
    """(choice id, number of players) for every choice, or None with fewer than `minimum`
    votes: then the counts could point at a person."""
    counted = Counter(v for v in votes if v in choice_ids)
    if sum(counted.values()) < minimum:
        return None
    return [(choice, counted.get(choice, 0)) for choice in choice_ids]


def suggestion(shares: list[tuple[str, int]] | None) -> str | None:
    """The choice most players made (the first in scenario order on a tie), or None."""
    if not shares:
        return None
    best = max(n for _c, n in shares)
    return next(c for c, n in shares if n == best) if best else None
