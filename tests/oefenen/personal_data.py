"""An exercise session for a user, through the real service."""

from spil.oefenen import services


def fill(user, *, tag: str, watcher=None) -> None:
    services.oefensessie_start(
        user=user, scenario_id="herindeling", profiel="klein", modus="oefenen", timer=False
    )
